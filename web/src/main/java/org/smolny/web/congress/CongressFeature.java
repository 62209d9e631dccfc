package org.smolny.web.congress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smolny.council.congress.Congress;
import org.smolny.council.congress.CongressCommand;
import org.smolny.council.congress.CongressEvent;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.Minutes;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.PersonalData;
import org.smolny.council.projection.CouncilState;
import org.smolny.council.shell.CommandResult;
import org.smolny.council.shell.CouncilService;
import org.smolny.web.Feature;
import org.smolny.web.Routes;
import org.smolny.web.api.ApiCatalog;
import org.smolny.web.auth.Session;
import org.smolny.web.auth.Sessions;
import org.smolny.web.problem.ProblemException;
import org.smolny.web.problem.ProblemType;

/**
 * The congress over HTTP and in the browser: a JSON API for every congress command ({@code POST /api/congress/<act>})
 * and for the state ({@code GET /api/congress/{congress}}), the delegate's hall, the chair's console and the projector
 * view, and server-sent events that bring each result to every connected page as soon as the vote's closing is
 * durable on the record.
 *
 * <p>Every act needs a signed-in session and its CSRF token; the chair's acts only the chair may send, a delegate's acts
 * only a member occupying a seat; what the statutes allow the council then decides, and its refusal is a 422 problem
 * with the reason. A refused or invalid request writes nothing.
 *
 * <p>Thread-safe.
 */
public final class CongressFeature implements Feature {

    private static final Map<Integer, String> ACT_RESPONSES = Map.of(
            200, "Recorded: the entries written to the record, with their indexes",
            400, "The body is not the act's JSON (the detail names the field)",
            401, "Not signed in",
            403, "Not the chair, not seated at the congress, or the CSRF token is missing",
            404, "No such congress",
            422, "Refused by the council under the statutes (the detail gives the reason); nothing was written");

    private final CouncilService council;
    private final Sessions sessions;
    private final CongressBroadcaster broadcaster;
    private final CongressActs acts = new CongressActs();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param council     the council service that runs the commands through the record
     * @param sessions    the signed-in sessions (shared with the council API)
     * @param broadcaster where results go to the connected pages
     */
    public CongressFeature(CouncilService council, Sessions sessions, CongressBroadcaster broadcaster) {
        this.council = council;
        this.sessions = sessions;
        this.broadcaster = broadcaster;
    }

    @Override
    public void install(Routes routes) {
        routes.api(new ApiCatalog.Operation("/api/congress", "congresses", "Every congress: id, unit, phase.", List.of(),
                Map.of(200, "The congresses"), "application/json"), this::list);
        routes.api(new ApiCatalog.Operation("/api/congress/{congress}", "congress",
                "A congress: seats, agenda, speakers, motions with their amendments, amended text and the counter-motions "
                        + "beside them, platforms, the open vote, results with the rule that decided each, elections.",
                List.of(ApiCatalog.Parameter.text("congress", ApiCatalog.Location.PATH, "the congress id", true)),
                Map.of(200, "The congress", 400, "Not a congress id", 404, "No such congress"), "application/json"),
                ctx -> ctx.json(view(ctx)));
        routes.api(new ApiCatalog.Operation("/api/congress/{congress}/minutes", "congressMinutes",
                "The minutes of a congress as Markdown, written from its entries on the record: convocation, attendance, agenda, "
                        + "motions with their amendments, every vote with its result and the rule that decided it, the minority's "
                        + "platforms, elections with their rounds. Members are named from the erasable personal data, or by "
                        + "their pseudonymous id once erased.",
                List.of(ApiCatalog.Parameter.text("congress", ApiCatalog.Location.PATH, "the congress id", true)),
                Map.of(200, "The minutes", 400, "Not a congress id", 404, "No such congress"), "text/markdown"),
                ctx -> ctx.contentType("text/markdown; charset=utf-8").result(minutes(ctx)));
        for (CongressActs.Act act : acts.all()) {
            routes.action(new ApiCatalog.Action("/api/congress/" + act.name(), camel(act.name()),
                    act.summary() + " Who may: " + act.who().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".",
                    act.schema(), ACT_RESPONSES), ctx -> actByApi(ctx, act));
        }
        CongressPages pages = new CongressPages(routes, this);
        routes.page("/congress", pages::list);
        routes.page("/congress/sign-in", pages::signInPage);
        routes.form("/congress/sign-in", pages::signIn);
        routes.page("/congress/{congress}", pages::hall);
        routes.page("/congress/{congress}/chair", pages::console);
        routes.page("/congress/{congress}/projector", pages::projector);
        routes.page("/congress/{congress}/minutes", pages::minutes);
        SseHandler events = new SseHandler(client -> broadcaster.follow(client.ctx().pathParam("congress"), client));
        routes.page("/congress/{congress}/events", ctx -> {
            view(ctx);
            events.handle(ctx);
        });
        routes.form("/congress/{congress}/act/{act}", pages::act);
    }

    // ------------------------------------------------------------------ reading

    private void list(Context ctx) {
        ArrayNode congresses = json.createArrayNode();
        for (CongressView view : council.read(state -> state.congresses().all().stream().map(congress -> CongressView.of(congress, council.clock().instant())).toList())) {
            congresses.addObject().put("id", view.id()).put("unit", view.unit()).put("phase", view.phase()).put("chair", view.chair());
        }
        ObjectNode answer = json.createObjectNode();
        answer.set("congresses", congresses);
        ctx.json(answer);
    }

    /** The congress named by the path parameter {@code congress}, or a 400/404 problem. */
    CongressView view(Context ctx) {
        CongressId id = congressId(ctx.pathParam("congress"));
        return council.read(state -> state.congresses().find(id).map(congress -> CongressView.of(congress, council.clock().instant())))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "problem.congress.not-found", id.toString()));
    }

    /**
     * The minutes of the congress named by the path parameter {@code congress} (a 400/404 problem if there is none),
     * written from the congress's projection, which holds everything the minutes say: the time grows with the
     * congress, not with the record. Members are named from the person table, or by their id once erased; the names are
     * looked up after the council's read lock is released (the minutes are first written with a placeholder per member),
     * so that no database query runs under the lock.
     */
    String minutes(Context ctx) {
        CongressId id = CongressId.parse(view(ctx).id());
        java.util.Set<MemberId> named = new java.util.LinkedHashSet<>();
        String draft = council.read(state -> Minutes.write(state.congresses().find(id).orElseThrow(),
                unit -> state.units().find(unit).map(org.smolny.council.unit.Unit::name).orElse(unit.toString()),
                member -> {
                    named.add(member);
                    return placeholder(member);
                }));
        Map<String, String> names = new java.util.HashMap<>();
        for (MemberId member : named) {
            names.put(member.toString(), name(member));
        }
        return PLACEHOLDER.matcher(draft).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(
                names.getOrDefault(match.group(1), match.group())));
    }

    /** A member's placeholder in the minutes' draft: the id between white square brackets. */
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\u27e6([0-9a-f-]{36})\u27e7");

    /**
     * Stands for a member's name in the minutes' draft until it is looked up. (A motion quoting a member's id between
     * these very brackets would show the name instead: harmless, and nothing any form produces.)
     */
    private static String placeholder(MemberId member) {
        return "\u27e6" + member + "\u27e7";
    }

    /** A member's name from the erasable person table, or their pseudonymous id once erased. */
    String name(MemberId member) {
        return council.person(member).map(PersonalData::name).orElse(member.toString());
    }

    /** Every congress, newest last. */
    List<CongressView> all() {
        return council.read(state -> state.congresses().all().stream().map(congress -> CongressView.of(congress, council.clock().instant())).toList());
    }

    /** The session of the request, if signed in. */
    Optional<Session> session(Context ctx) {
        return sessions.current(ctx);
    }

    Sessions sessions() {
        return sessions;
    }

    CongressActs acts() {
        return acts;
    }

    // ------------------------------------------------------------------ acting

    private void actByApi(Context ctx, CongressActs.Act act) {
        ObjectNode body;
        try {
            JsonNode parsed = json.readTree(ctx.body());
            if (!(parsed instanceof ObjectNode object)) {
                throw new ProblemException(ProblemType.INVALID_BODY, "problem.council.body", "send a JSON object");
            }
            body = object;
        } catch (JsonProcessingException notJson) {
            throw new ProblemException(ProblemType.INVALID_BODY, "problem.council.body",
                    "it is not JSON (" + notJson.getOriginalMessage() + ")");
        }
        CommandResult.Recorded recorded = act(ctx, act, body);
        ObjectNode answer = json.createObjectNode();
        ArrayNode entries = answer.putArray("entries");
        for (CommandResult.RecordedEntry entry : recorded.entries()) {
            ObjectNode node = entries.addObject();
            node.put("index", entry.index());
            node.put("type", entry.entry().type());
            try {
                node.set("entry", json.readTree(EntryCodec.toJson(entry.entry())));
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException("an entry written as JSON could not be read back", impossible);
            }
        }
        ctx.json(answer);
    }

    /**
     * Checks the session, its CSRF token and who may send {@code act}, reads the body, runs the command through the
     * council and, once it is durable, tells the congress's followers. Throws a problem for anything refused.
     */
    CommandResult.Recorded act(Context ctx, CongressActs.Act act, ObjectNode body) {
        Session session = sessions.current(ctx)
                .orElseThrow(() -> new ProblemException(ProblemType.SIGN_IN_REQUIRED, "problem.council.sign-in"));
        if (!Sessions.carriesCsrfToken(ctx, session)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "problem.council.csrf");
        }
        CongressCommand command;
        try {
            command = CongressActs.command(act, new Fields(body), council.clock().instant());
        } catch (Fields.InvalidField invalid) {
            throw new ProblemException(ProblemType.INVALID_BODY, "problem.council.body", invalid.getMessage());
        }
        Optional<ProblemException> forbidden = council.read(state -> authorise(act, command, session, state));
        if (forbidden.isPresent()) {
            throw forbidden.get();
        }
        CommandResult result = council.execute(command, actingMember(command, session));
        return switch (result) {
            case CommandResult.Refused refused -> throw new ProblemException(ProblemType.REFUSED, "problem.council.refused", refused.reason());
            case CommandResult.Recorded recorded -> {
                announce(command.congress().toString(), act, recorded);
                yield recorded;
            }
        };
    }

    /**
     * Tells the followers what was recorded: a result in full (the pages show it at once and refresh the rest later,
     * spread over a few seconds), anything else as a change (the pages fetch their live part again).
     */
    private void announce(String congress, CongressActs.Act act, CommandResult.Recorded recorded) {
        boolean result = false;
        for (CommandResult.RecordedEntry entry : recorded.entries()) {
            if (entry.entry().event() instanceof CongressEvent.VoteClosed closed) {
                int number = council.read(state -> state.congresses().find(closed.congress()).map(c -> c.results().size()).orElse(0));
                try {
                    broadcaster.publish(congress, "result", json.writeValueAsString(CongressView.result(number, closed)));
                    result = true;
                } catch (JsonProcessingException impossible) {
                    throw new IllegalStateException("a result could not be written as JSON", impossible);
                }
            }
        }
        if (!result) {
            broadcaster.publish(congress, "changed", "{\"act\":\"" + act.name() + "\"}");
        }
    }

    /**
     * Who the council sees acting: the session's member, except that an administrator convenes as the system (null),
     * which the council's convening rule allows ({@code CongressPolicy.A_REGULAR_CONGRESS_IS_CONVENED_BY_THE_UNITS_OFFICERS}).
     */
    private static MemberId actingMember(CongressCommand command, Session session) {
        return command instanceof CongressCommand.ConveneCongress && session.administrator() ? null : session.member();
    }

    private static Optional<ProblemException> authorise(CongressActs.Act act, CongressCommand command, Session session,
                                                        CouncilState state) {
        if (command instanceof CongressCommand.ConveneCongress convene) {
            // Who may convene is the council's rule, checked there for the API, the pages and every other caller;
            // here only that someone acts: a member, or the administrator (who convenes as the system).
            return session.administrator() || session.member() != null ? Optional.empty()
                    : Optional.of(new ProblemException(ProblemType.FORBIDDEN, "problem.congress.not-convener", convene.unit().toString()));
        }
        Optional<Congress> found = state.congresses().find(command.congress());
        if (found.isEmpty()) {
            return Optional.of(new ProblemException(ProblemType.NOT_FOUND, "problem.congress.not-found", command.congress().toString()));
        }
        Congress congress = found.get();
        boolean chair = session.member() != null && session.member().equals(congress.chair());
        boolean seated = session.member() != null && congress.seatOf(session.member()).isPresent();
        boolean allowed = switch (act.who()) {
            case CHAIR -> chair;
            case DELEGATE -> seated;
            case CHAIR_OR_DELEGATE -> chair || seated;
            case CONVENER -> false;
        };
        if (allowed) {
            return Optional.empty();
        }
        return Optional.of(new ProblemException(ProblemType.FORBIDDEN,
                act.who() == CongressActs.Who.CHAIR ? "problem.congress.not-chair" : "problem.congress.not-seated", act.name()));
    }

    static CongressId congressId(String text) {
        try {
            return CongressId.parse(text);
        } catch (IllegalArgumentException invalid) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.council.bad-id", "congress", text, invalid.getMessage());
        }
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

    static Map<String, Object> model(Object... pairs) {
        Map<String, Object> model = new LinkedHashMap<>();
        for (int index = 0; index < pairs.length; index += 2) {
            model.put((String) pairs[index], pairs[index + 1]);
        }
        return model;
    }

    static void redirect(Context ctx, String location) {
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }
}
