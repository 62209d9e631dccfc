package org.smolny.web.council;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.smolny.council.command.Command;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.Membership;
import org.smolny.council.member.PersonalData;
import org.smolny.council.projection.CouncilState;
import org.smolny.council.shell.Accounts;
import org.smolny.council.shell.CommandResult;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitId;
import org.smolny.web.Feature;
import org.smolny.web.Routes;
import org.smolny.web.api.ApiCatalog;
import org.smolny.web.auth.PasswordHasher;
import org.smolny.web.auth.Session;
import org.smolny.web.auth.Sessions;
import org.smolny.web.problem.ProblemException;
import org.smolny.web.problem.ProblemType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The council's JSON API: sign-in, every council command at {@code POST /api/council/<command>}, and the public
 * queries (units, mandates, delegates' votes against their instructions, petitions, the pay register, emergency
 * powers, meetings, indicators, statutes). Every state-changing request needs a signed-in session and its CSRF
 * token; who may send a command is checked here ({@link Authority}), what the statutes allow is checked by the
 * council, whose refusal is a 422 problem with its reason. A refused or invalid request writes nothing.
 *
 * <p>Thread-safe.
 */
public final class CouncilApi implements Feature {

    private static final Map<Integer, String> ACTION_RESPONSES = Map.of(
            200, "Recorded: the entries written to the record, with their indexes",
            400, "The body is not the command's JSON (the detail names the field)",
            401, "Not signed in",
            403, "Not allowed for this member, or the CSRF token is missing",
            422, "Refused by the council under the statutes (the detail gives the reason); nothing was written");

    private final CouncilService council;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final Accounts accounts;
    private final CommandCatalog catalog = new CommandCatalog();
    private final CommandJson commands = new CommandJson();
    private final ObjectMapper json = new ObjectMapper();

    public CouncilApi(CouncilService council, Sessions sessions, PasswordHasher hasher) {
        this.council = council;
        this.sessions = sessions;
        this.hasher = hasher;
        this.accounts = new Accounts(council);
    }

    /** The commands offered. */
    public CommandCatalog catalog() {
        return catalog;
    }

    @Override
    public void install(Routes routes) {
        routes.action(new ApiCatalog.Action("/api/session", "signIn", "Sign in with a login and password; sets the session cookie "
                        + "and returns the CSRF token to send with every state-changing request.",
                        object(Map.of("login", "string", "password", "string")),
                        Map.of(200, "Signed in", 400, "The body is not JSON with login and password", 401, "Wrong login or password")),
                this::signIn);
        routes.api(new ApiCatalog.Operation("/api/session", "session", "The signed-in session: member, roles, CSRF token.",
                List.of(), Map.of(200, "The session", 401, "Not signed in"), "application/json"), this::session);
        routes.action(new ApiCatalog.Action("/api/session/end", "signOut", "Sign out.", null,
                Map.of(200, "Signed out", 401, "Not signed in", 403, "No CSRF token")), this::signOut);
        routes.action(new ApiCatalog.Action("/api/council/admit-member", "admitMember",
                "Admit a member by the unit's vote; the name and contacts go to the erasable person table, only a salted "
                        + "commitment to the record.", admissionSchema(), ACTION_RESPONSES), this::admit);
        routes.action(new ApiCatalog.Action("/api/council/accounts", "createAccount",
                "Create a sign-in account for a member (an officer of the member's unit, or an administrator).",
                object(Map.of("login", "string", "password", "string", "member", "string")), ACTION_RESPONSES), this::createAccount);
        for (CommandSpec spec : catalog.all()) {
            routes.action(new ApiCatalog.Action("/api/council/" + spec.name(), camel(spec.name()),
                    spec.summary() + " Who may: " + spec.authority().name().toLowerCase(java.util.Locale.ROOT) + ".",
                    CommandJson.schema(spec), ACTION_RESPONSES), ctx -> command(ctx, spec));
        }
        CouncilQueries queries = new CouncilQueries(council, json);
        queries.install(routes, this::requireOfficerOf);
    }

    // ------------------------------------------------------------------ sessions

    private void signIn(Context ctx) {
        ObjectNode body = body(ctx);
        String login = body.path("login").asText(null);
        String password = body.path("password").asText(null);
        if (login == null || password == null) {
            throw new ProblemException(ProblemType.INVALID_BODY, "problem.council.body", "send {\"login\": …, \"password\": …}");
        }
        Session session = sessions.signIn(ctx, login, password)
                .orElseThrow(() -> new ProblemException(ProblemType.SIGN_IN_REQUIRED, "problem.council.bad-credentials"));
        ctx.json(describe(session));
    }

    private void session(Context ctx) {
        ctx.json(describe(requireSession(ctx)));
    }

    private void signOut(Context ctx) {
        requireCsrf(ctx, requireSession(ctx));
        sessions.signOut(ctx);
        ctx.json(Map.of("signedOut", true));
    }

    private ObjectNode describe(Session session) {
        ObjectNode node = json.createObjectNode();
        node.put("login", session.login());
        node.put("member", session.member() == null ? null : session.member().toString());
        node.put("administrator", session.administrator());
        node.put("csrfToken", session.csrfToken());
        node.put("expiresAt", session.expiresAt().toString());
        return node;
    }

    /** The session of the request, or a 401 problem. */
    Session requireSession(Context ctx) {
        return sessions.current(ctx).orElseThrow(() -> new ProblemException(ProblemType.SIGN_IN_REQUIRED, "problem.council.sign-in"));
    }

    private static void requireCsrf(Context ctx, Session session) {
        if (!Sessions.carriesCsrfToken(ctx, session)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "problem.council.csrf");
        }
    }

    // ------------------------------------------------------------------ commands

    private void command(Context ctx, CommandSpec spec) {
        Session session = requireSession(ctx);
        requireCsrf(ctx, session);
        ObjectNode body = body(ctx);
        Command command;
        try {
            command = commands.command(spec, body, council.clock().instant());
        } catch (CommandJson.InvalidBody invalid) {
            throw new ProblemException(ProblemType.INVALID_BODY, "problem.council.body", invalid.getMessage());
        }
        Optional<ProblemException> forbidden = council.read(state -> authorise(spec, command, session, state));
        if (forbidden.isPresent()) {
            throw forbidden.get();
        }
        answer(ctx, council.execute(command, session.member()));
    }

    private void admit(Context ctx) {
        Session session = requireSession(ctx);
        requireCsrf(ctx, session);
        ObjectNode body = body(ctx);
        UnitId unit;
        MemberId member;
        PersonalData data;
        VoteTally vote;
        try {
            unit = commands.value(required(body, "unit"), UnitId.class, "unit");
            member = body.hasNonNull("member") ? commands.value(body.get("member"), MemberId.class, "member")
                    : MemberId.generate(council.clock().instant());
            vote = commands.value(required(body, "unitVote"), VoteTally.class, "unitVote");
            data = new PersonalData(required(body, "name").asText(), body.path("email").asText(""), body.path("phone").asText(""));
        } catch (CommandJson.InvalidBody invalid) {
            throw new ProblemException(ProblemType.INVALID_BODY, "problem.council.body", invalid.getMessage());
        } catch (IllegalArgumentException invalid) {
            throw new ProblemException(ProblemType.INVALID_BODY, "problem.council.body", invalid.getMessage());
        }
        for (String field : List.of("unit", "member", "unitVote", "name", "email", "phone")) {
            body.remove(field);
        }
        if (body.size() > 0) {
            throw new ProblemException(ProblemType.INVALID_BODY, "problem.council.body",
                    "there is no field '" + body.fieldNames().next() + "'");
        }
        Optional<ProblemException> forbidden = council.read(state -> officerOf(unit, session, state, "admit-member"));
        if (forbidden.isPresent()) {
            throw forbidden.get();
        }
        answer(ctx, council.admit(member, unit, data, vote, session.member()));
    }

    private void createAccount(Context ctx) {
        Session session = requireSession(ctx);
        requireCsrf(ctx, session);
        ObjectNode body = body(ctx);
        String login = body.path("login").asText(null);
        String password = body.path("password").asText(null);
        boolean administrator = body.path("administrator").asBoolean(false);
        MemberId member;
        try {
            member = body.hasNonNull("member") ? commands.value(body.get("member"), MemberId.class, "member") : null;
            if (login == null || password == null) {
                throw new CommandJson.InvalidBody("send login, password and member");
            }
            PasswordHasher.requirePassword(password);
        } catch (CommandJson.InvalidBody | IllegalArgumentException invalid) {
            throw new ProblemException(ProblemType.INVALID_BODY, "problem.council.body", invalid.getMessage());
        }
        if (!session.administrator()) {
            if (administrator || member == null) {
                throw new ProblemException(ProblemType.FORBIDDEN, "problem.council.not-admin", "create an administrator's account");
            }
            Optional<ProblemException> forbidden = council.read(state -> officerOf(
                    state.members().find(member).map(Membership::unit).orElse(null), session, state, "create-account"));
            if (forbidden.isPresent()) {
                throw forbidden.get();
            }
        }
        if (member != null && council.read(state -> state.members().active(member).isEmpty())) {
            throw new ProblemException(ProblemType.REFUSED, "problem.council.refused", "member " + member + " is not a current member");
        }
        try {
            accounts.create(new Accounts.Account(login, member, hasher.hash(password), administrator));
        } catch (IllegalArgumentException refused) {
            throw new ProblemException(ProblemType.REFUSED, "problem.council.refused", refused.getMessage());
        }
        ctx.json(Map.of("login", login, "member", member == null ? "" : member.toString()));
    }

    private void answer(Context ctx, CommandResult result) {
        switch (result) {
            case CommandResult.Refused refused -> throw new ProblemException(ProblemType.REFUSED, "problem.council.refused", refused.reason());
            case CommandResult.Recorded recorded -> {
                ObjectNode answer = json.createObjectNode();
                ArrayNode entries = answer.putArray("entries");
                for (CommandResult.RecordedEntry entry : recorded.entries()) {
                    ObjectNode node = entries.addObject();
                    node.put("index", entry.index());
                    node.put("type", entry.entry().type());
                    try {
                        node.set("entry", json.readTree(EntryCodec.toJson(entry.entry())));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
                        throw new IllegalStateException("an entry written as JSON could not be read back", impossible);
                    }
                }
                ctx.json(answer);
            }
        }
    }

    // ------------------------------------------------------------------ authorisation

    private Optional<ProblemException> authorise(CommandSpec spec, Command command, Session session, CouncilState state) {
        UnitId unit = spec.unit().apply(command, state);
        return switch (spec.authority()) {
            case ADMINISTRATOR -> session.administrator() ? Optional.empty()
                    : Optional.of(new ProblemException(ProblemType.FORBIDDEN, "problem.council.not-admin", spec.name()));
            case OFFICER -> officerOf(unit, session, state, spec.name());
            case CONGRESS -> officerOf(state.units().root().map(root -> root.id()).orElse(null), session, state, spec.name());
            case MEMBER -> memberOf(unit, session, state);
            case HOLDER -> {
                Optional<ProblemException> member = memberOf(unit, session, state);
                if (member.isPresent()) {
                    yield member;
                }
                MandateId mandate = spec.mandate().apply(command, state);
                Optional<Mandate> held = mandate == null ? Optional.empty() : state.mandates().find(mandate);
                yield held.isPresent() && !held.get().holder().equals(session.member())
                        ? Optional.of(new ProblemException(ProblemType.FORBIDDEN, "problem.council.not-holder", mandate.toString(), spec.name()))
                        : Optional.empty();
            }
        };
    }

    private static Optional<ProblemException> memberOf(UnitId unit, Session session, CouncilState state) {
        if (session.member() == null) {
            return Optional.of(new ProblemException(ProblemType.FORBIDDEN, "problem.council.not-a-member"));
        }
        Optional<Membership> membership = state.members().find(session.member());
        if (membership.isEmpty()) {
            return Optional.of(new ProblemException(ProblemType.FORBIDDEN, "problem.council.not-a-member"));
        }
        if (unit != null && !state.units().isWithin(membership.get().unit(), unit)) {
            return Optional.of(new ProblemException(ProblemType.FORBIDDEN, "problem.council.not-your-unit", unit.toString()));
        }
        return Optional.empty();
    }

    /** A 403 problem unless the session's member holds a mandate in force in {@code unit} (or is an administrator). */
    private static Optional<ProblemException> officerOf(UnitId unit, Session session, CouncilState state, String act) {
        if (session.administrator()) {
            return Optional.empty();
        }
        if (unit == null) {
            return Optional.empty();
        }
        boolean officer = session.member() != null && state.mandates().all().stream()
                .anyMatch(mandate -> mandate instanceof Mandate.Active && mandate.unit().equals(unit)
                        && mandate.holder().equals(session.member()));
        return officer ? Optional.empty()
                : Optional.of(new ProblemException(ProblemType.FORBIDDEN, "problem.council.not-officer", unit.toString(), act));
    }

    /** For queries reserved to the officers of a unit: throws a problem unless the request's session is one. */
    void requireOfficerOf(Context ctx, UnitId unit) {
        Session session = requireSession(ctx);
        Optional<ProblemException> forbidden = council.read(state -> {
            if (state.units().find(unit).isEmpty()) {
                return Optional.of(new ProblemException(ProblemType.NOT_FOUND, "problem.council.not-found", "unit", unit.toString()));
            }
            return officerOf(unit, session, state, "see the members of this unit");
        });
        if (forbidden.isPresent()) {
            throw forbidden.get();
        }
    }

    // ------------------------------------------------------------------ helpers

    private ObjectNode body(Context ctx) {
        try {
            return commands.object(ctx.body());
        } catch (CommandJson.InvalidBody invalid) {
            throw new ProblemException(ProblemType.INVALID_BODY, "problem.council.body", invalid.getMessage());
        }
    }

    private static JsonNode required(ObjectNode body, String field) throws CommandJson.InvalidBody {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new CommandJson.InvalidBody("the field '" + field + "' is missing");
        }
        return value;
    }

    private static String camel(String kebab) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static ObjectNode object(Map<String, String> fields) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        new java.util.TreeMap<>(fields).forEach((name, type) -> properties.putObject(name).put("type", type));
        return schema;
    }

    private static ObjectNode admissionSchema() {
        ObjectNode schema = object(Map.of("unit", "string", "member", "string", "name", "string", "email", "string", "phone", "string"));
        ObjectNode vote = ((ObjectNode) schema.get("properties")).putObject("unitVote");
        vote.put("type", "object");
        for (String count : List.of("entitled", "present", "inFavour", "against", "abstentions")) {
            ((ObjectNode) vote.with("properties")).putObject(count).put("type", "integer");
        }
        schema.putArray("required").add("unit").add("name").add("unitVote");
        return schema;
    }
}
