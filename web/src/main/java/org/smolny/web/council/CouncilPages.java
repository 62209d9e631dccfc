package org.smolny.web.council;

import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.member.MemberCommand;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.Membership;
import org.smolny.council.member.PersonalData;
import org.smolny.council.recall.PetitionId;
import org.smolny.council.recall.RecallCommand;
import org.smolny.council.shell.CommandResult;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.statutes.Statutes;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.Unit;
import org.smolny.council.unit.UnitId;
import org.smolny.web.Feature;
import org.smolny.web.Routes;
import org.smolny.web.auth.Session;
import org.smolny.web.auth.Sessions;
import org.smolny.web.council.CouncilViews.DelegateLine;
import org.smolny.web.council.CouncilViews.ElectionLine;
import org.smolny.web.council.CouncilViews.MandateLine;
import org.smolny.web.council.CouncilViews.MemberLine;
import org.smolny.web.council.CouncilViews.MyCouncil;
import org.smolny.web.council.CouncilViews.PetitionLine;
import org.smolny.web.council.CouncilViews.UnitLine;
import org.smolny.web.council.CouncilViews.VoteLine;
import org.smolny.web.i18n.Messages;
import org.smolny.web.problem.ProblemException;
import org.smolny.web.problem.ProblemType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The council's pages, server-rendered in the shared layout: sign-in, my units, mandates and delegates (with their
 * votes against their instructions), recall petitions to sign, the officers' membership administration, and the
 * statutes as members read them. Forms post with the session's CSRF token; what the council refuses is shown with
 * its reason. Thread-safe.
 */
public final class CouncilPages implements Feature {

    private final CouncilService council;
    private final Sessions sessions;
    private Routes routes;

    public CouncilPages(CouncilService council, Sessions sessions) {
        this.council = council;
        this.sessions = sessions;
    }

    @Override
    public void install(Routes routes) {
        this.routes = routes;
        routes.page("/council/sign-in", ctx -> signInPage(ctx, null));
        routes.form("/council/sign-in", this::signIn);
        routes.form("/council/sign-out", this::signOut);
        routes.page("/council/me", this::me);
        routes.page("/council/petitions", this::petitions);
        routes.form("/council/petitions/{petition}/sign", this::sign);
        routes.page("/council/units/{unit}/members", this::members);
        routes.form("/council/units/{unit}/admit", this::admit);
        routes.form("/council/units/{unit}/transfer", this::transferIn);
        routes.form("/council/units/{unit}/lapse", this::recordLapse);
        routes.page("/council/statutes", this::statutes);
    }

    // ------------------------------------------------------------------ sign-in

    private void signInPage(Context ctx, String error) {
        Messages t = Routes.messages(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("error", error);
        model.put("back", safeBack(ctx.queryParam("back")));
        routes.render(ctx, "council/sign-in.jte", "council", t.get("council.sign-in.title"), model);
    }

    private void signIn(Context ctx) {
        Optional<Session> session = sessions.signIn(ctx, ctx.formParam("login"), ctx.formParam("password"));
        if (session.isEmpty()) {
            ctx.status(401);
            signInPage(ctx, Routes.messages(ctx).get("problem.council.bad-credentials"));
            return;
        }
        ctx.redirect(safeBack(ctx.formParam("back")), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        Optional<Session> session = sessions.current(ctx);
        if (session.isPresent()) {
            requireCsrf(ctx, session.get());
            sessions.signOut(ctx);
        }
        ctx.redirect("/council/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** Only local paths are followed after signing in. */
    private static String safeBack(String back) {
        return back != null && back.startsWith("/council/") && !back.startsWith("//") ? back : "/council/me";
    }

    /** The session, or a redirect to the sign-in page (returns empty then). */
    private Optional<Session> sessionOrSignIn(Context ctx) {
        Optional<Session> session = sessions.current(ctx);
        if (session.isEmpty()) {
            ctx.redirect("/council/sign-in?back=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8), io.javalin.http.HttpStatus.SEE_OTHER);
        }
        return session;
    }

    private static void requireCsrf(Context ctx, Session session) {
        if (!Sessions.carriesCsrfToken(ctx, session)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "problem.council.csrf");
        }
    }

    // ------------------------------------------------------------------ my council

    private void me(Context ctx) {
        Optional<Session> session = sessionOrSignIn(ctx);
        if (session.isEmpty()) {
            return;
        }
        MyCouncil mine = council.read(state -> {
            MemberId member = session.get().member();
            List<UnitLine> units = new ArrayList<>();
            String votingFrom = null;
            Optional<Membership> membership = member == null ? Optional.empty() : state.members().find(member);
            if (membership.isPresent() && membership.get() instanceof Membership.Active active) {
                votingFrom = active.votingFrom().toString();
                UnitId cursor = active.unit();
                while (cursor != null) {
                    Unit unit = state.units().find(cursor).orElseThrow();
                    units.add(new UnitLine(unit.id().toString(), unit.name(), unit.type()));
                    cursor = unit.parent();
                }
            }
            List<UnitLine> officerOf = new ArrayList<>();
            if (member != null) {
                for (Mandate.Active held : state.mandates().heldBy(member)) {
                    state.units().find(held.unit()).ifPresent(unit -> officerOf.add(new UnitLine(unit.id().toString(), unit.name(), unit.type())));
                }
            }
            return new MyCouncil(session.get().login(), member == null ? null : member.toString(), units, votingFrom, List.of(), List.of(),
                    officerOf);
        });
        List<MandateLine> mandates = mine.member() == null ? List.of()
                : mandates("WHERE m.holder_id = :id", Map.of("id", mine.member()));
        List<DelegateLine> delegates = new ArrayList<>();
        if (!mine.units().isEmpty()) {
            for (MandateLine mandate : mandates("WHERE m.unit_id = :id", Map.of("id", mine.units().getFirst().id()))) {
                delegates.add(new DelegateLine(mandate, votes(mandate.id())));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("mine", new MyCouncil(mine.login(), mine.member(), mine.units(), mine.votingFrom(), mandates, delegates, mine.officerOf()));
        model.put("csrf", session.get().csrfToken());
        routes.render(ctx, "council/me.jte", "council", Routes.messages(ctx).get("council.me.title"), model);
    }

    private List<MandateLine> mandates(String where, Map<String, Object> bindings) {
        try (Handle handle = council.queries().open()) {
            var query = handle.createQuery("SELECT m.mandate_id, m.post, u.name, COALESCE(p.name, m.holder_id), m.source, m.ends_at, m.status "
                    + "FROM council_mandate m JOIN council_unit u ON u.unit_id = m.unit_id "
                    + "LEFT JOIN council_person p ON p.member_id = m.holder_id " + where + " ORDER BY m.started_at, m.mandate_id");
            bindings.forEach(query::bind);
            return query.map((rs, c) -> new MandateLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7))).list();
        }
    }

    private List<VoteLine> votes(String mandate) {
        try (Handle handle = council.queries().open()) {
            return handle.createQuery("SELECT i.motion_id, i.position, v.position FROM council_instruction i "
                            + "LEFT JOIN council_delegate_vote v ON v.mandate_id = i.mandate_id AND v.motion_id = i.motion_id "
                            + "WHERE i.mandate_id = :m UNION SELECT v.motion_id, v.instructed, v.position FROM council_delegate_vote v "
                            + "WHERE v.mandate_id = :m AND v.instructed IS NULL ORDER BY 1")
                    .bind("m", mandate)
                    .map((rs, c) -> {
                        String instructed = rs.getString(2);
                        String voted = rs.getString(3);
                        return new VoteLine(rs.getString(1), instructed, voted,
                                instructed == null || voted == null ? null : instructed.equals(voted));
                    }).list();
        }
    }

    // ------------------------------------------------------------------ petitions

    private void petitions(Context ctx) {
        Optional<Session> session = sessionOrSignIn(ctx);
        if (session.isEmpty()) {
            return;
        }
        renderPetitions(ctx, session.get(), ctx.queryParam("signed") != null ? Routes.messages(ctx).get("council.petitions.signed") : null,
                null);
    }

    private void renderPetitions(Context ctx, Session session, String notice, String error) {
        List<String> units = council.read(state -> {
            List<String> ids = new ArrayList<>();
            if (session.member() != null) {
                state.members().active(session.member()).ifPresent(active -> {
                    UnitId cursor = active.unit();
                    while (cursor != null) {
                        ids.add(cursor.toString());
                        cursor = state.units().find(cursor).map(Unit::parent).orElse(null);
                    }
                });
            }
            return ids;
        });
        List<PetitionLine> petitions = new ArrayList<>();
        List<ElectionLine> elections = new ArrayList<>();
        try (Handle handle = council.queries().open()) {
            for (String unit : units) {
                petitions.addAll(handle.createQuery("SELECT p.petition_id, m.post, u.name, COALESCE(n.name, m.holder_id), p.signatures, p.needed, "
                                + "p.closes_at, (SELECT COUNT(*) FROM council_signature s WHERE s.petition_id = p.petition_id AND s.member_id = :me), p.status "
                                + "FROM council_petition p JOIN council_mandate m ON m.mandate_id = p.subject "
                                + "JOIN council_unit u ON u.unit_id = p.unit_id LEFT JOIN council_person n ON n.member_id = m.holder_id "
                                + "WHERE p.kind = 'recall' AND p.unit_id = :unit ORDER BY p.opened_at DESC")
                        .bind("unit", unit).bind("me", session.member() == null ? "" : session.member().toString())
                        .map((rs, c) -> new PetitionLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                                rs.getLong(6), rs.getString(7), rs.getLong(8) > 0, rs.getString(9))).list());
                elections.addAll(handle.createQuery("SELECT e.post, u.name, e.kind, e.hold_by FROM council_election e "
                                + "JOIN council_unit u ON u.unit_id = e.unit_id WHERE e.unit_id = :unit AND e.status = 'scheduled' ORDER BY e.hold_by")
                        .bind("unit", unit)
                        .map((rs, c) -> new ElectionLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list());
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("petitions", petitions);
        model.put("elections", elections);
        model.put("csrf", session.csrfToken());
        model.put("notice", notice);
        model.put("error", error);
        routes.render(ctx, "council/petitions.jte", "council", Routes.messages(ctx).get("council.petitions.title"), model);
    }

    private void sign(Context ctx) {
        Optional<Session> session = sessionOrSignIn(ctx);
        if (session.isEmpty()) {
            return;
        }
        requireCsrf(ctx, session.get());
        PetitionId petition;
        try {
            petition = PetitionId.parse(ctx.pathParam("petition"));
        } catch (IllegalArgumentException invalid) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.council.bad-id", "petition", ctx.pathParam("petition"),
                    invalid.getMessage());
        }
        if (session.get().member() == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "problem.council.not-a-member");
        }
        CommandResult result = council.execute(new RecallCommand.SignRecallPetition(petition), session.get().member());
        if (result instanceof CommandResult.Refused refused) {
            ctx.status(422);
            renderPetitions(ctx, session.get(), null, refused.reason());
            return;
        }
        ctx.redirect("/council/petitions?signed=1", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    // ------------------------------------------------------------------ officers: membership

    private UnitId officerUnit(Context ctx, Session session) {
        UnitId unit = CouncilQueries.unitId(ctx.pathParam("unit"), "unit");
        boolean allowed = council.read(state -> state.units().find(unit).isPresent() && (session.administrator()
                || (session.member() != null && state.mandates().heldBy(session.member()).stream().anyMatch(held -> held.unit().equals(unit)))));
        if (!allowed) {
            throw new ProblemException(ProblemType.FORBIDDEN, "problem.council.not-officer", unit.toString(), "see the members of this unit");
        }
        return unit;
    }

    private void members(Context ctx) {
        Optional<Session> session = sessionOrSignIn(ctx);
        if (session.isEmpty()) {
            return;
        }
        String notice = ctx.queryParam("admitted") != null ? Routes.messages(ctx).get("council.members.admitted")
                : ctx.queryParam("transferred") != null ? Routes.messages(ctx).get("council.members.transferred")
                : ctx.queryParam("lapsed") != null ? Routes.messages(ctx).get("council.members.lapsed") : null;
        renderMembers(ctx, session.get(), officerUnit(ctx, session.get()), notice, null);
    }

    private void renderMembers(Context ctx, Session session, UnitId unit, String notice, String error) {
        String unitName = council.read(state -> state.units().find(unit).map(Unit::name).orElseThrow());
        List<MemberLine> members;
        try (Handle handle = council.queries().open()) {
            members = handle.createQuery("SELECT m.member_id, COALESCE(p.name, ''), COALESCE(p.email, ''), COALESCE(p.phone, ''), m.status, m.voting_from "
                            + "FROM council_member m LEFT JOIN council_person p ON p.member_id = m.member_id WHERE m.unit_id = :unit "
                            + "ORDER BY m.admitted_at, m.member_id")
                    .bind("unit", unit.toString())
                    .map((rs, c) -> new MemberLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6))).list();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("unitId", unit.toString());
        model.put("members", members);
        model.put("csrf", session.csrfToken());
        model.put("notice", notice);
        model.put("error", error);
        routes.render(ctx, "council/members.jte", "council", Routes.messages(ctx).get("council.members.title", unitName), model);
    }

    /** An officer of the unit records the unit's vote to admit a new member. */
    private void admit(Context ctx) {
        officerAct(ctx, "admitted", (session, unit) -> {
            PersonalData data = new PersonalData(ctx.formParam("name"), ctx.formParam("email"), ctx.formParam("phone"));
            return council.admit(MemberId.generate(council.clock().instant()), unit, data, unitVote(ctx), session.member());
        });
    }

    /** An officer of the receiving unit records the unit's vote to take in a member of another unit. */
    private void transferIn(Context ctx) {
        officerAct(ctx, "transferred", (session, unit) ->
                council.execute(new MemberCommand.TransferMember(memberField(ctx), unit, unitVote(ctx)), session.member()));
    }

    /** An officer of the member's own unit records that their membership lapsed, with the reason. */
    private void recordLapse(Context ctx) {
        officerAct(ctx, "lapsed", (session, unit) -> {
            MemberId member = memberField(ctx);
            boolean ours = council.read(state -> state.members().find(member).map(found -> found.unit().equals(unit)).orElse(false));
            if (!ours) {
                throw new IllegalArgumentException("member " + member + " is not a member of this unit: a lapse is recorded by their own unit");
            }
            String reason = ctx.formParam("reason");
            return council.execute(new MemberCommand.RecordLapse(member, reason == null ? null : reason.strip()), session.member());
        });
    }

    /**
     * The frame of every officer's form on the members page: signed in, CSRF token checked, an officer of the unit;
     * then the act. Bad input ({@link IllegalArgumentException}) or a refusal re-renders the page with 422 and the reason
     * (nothing written); success redirects to the page with {@code ?<done>=1}.
     */
    private void officerAct(Context ctx, String done, BiFunction<Session, UnitId, CommandResult> act) {
        Optional<Session> session = sessionOrSignIn(ctx);
        if (session.isEmpty()) {
            return;
        }
        requireCsrf(ctx, session.get());
        UnitId unit = officerUnit(ctx, session.get());
        CommandResult result;
        try {
            result = act.apply(session.get(), unit);
        } catch (IllegalArgumentException invalid) {
            result = new CommandResult.Refused(invalid.getMessage());
        }
        if (result instanceof CommandResult.Refused refused) {
            ctx.status(422);
            renderMembers(ctx, session.get(), unit, null, refused.reason());
            return;
        }
        ctx.redirect("/council/units/" + unit + "/members?" + done + "=1", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** The unit's vote as the form gives it. */
    private static VoteTally unitVote(Context ctx) {
        return new VoteTally(number(ctx, "entitled"), number(ctx, "present"), number(ctx, "inFavour"), number(ctx, "against"),
                number(ctx, "abstentions"));
    }

    private static MemberId memberField(Context ctx) {
        String text = ctx.formParam("member");
        try {
            return MemberId.parse(text == null ? "" : text.strip());
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("the member '" + text + "' is not a member id (a UUID)");
        }
    }

    private static int number(Context ctx, String field) {
        String text = ctx.formParam(field);
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException notNumber) {
            throw new IllegalArgumentException("the count '" + field + "' must be a whole number, not '" + text + "'");
        }
    }

    // ------------------------------------------------------------------ statutes

    private void statutes(Context ctx) {
        Messages t = Routes.messages(ctx);
        Optional<Statutes> current = council.read(state -> state.statutes().current());
        if (current.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_AVAILABLE, "problem.council.no-statutes");
        }
        Statutes statutes = current.get();
        List<CouncilViews.Rule> rules = new ArrayList<>();
        rules.add(new CouncilViews.Rule(t.get("council.statutes.version"), Integer.toString(statutes.version())));
        rules.add(new CouncilViews.Rule(t.get("council.statutes.probation"), t.get("council.statutes.days", statutes.membership().probationDays())));
        rules.add(new CouncilViews.Rule(t.get("council.statutes.recall"), t.get("council.statutes.recall.value",
                statutes.recall().threshold().value().movePointRight(2).stripTrailingZeros().toPlainString(),
                t.get("council.statutes.procedure." + statutes.recall().procedure().key()), statutes.recall().petitionDays(),
                statutes.recall().byElectionDays())));
        rules.add(new CouncilViews.Rule(t.get("council.statutes.emergency"), t.get("council.statutes.emergency.value", statutes.emergency().maxDays())));
        rules.add(new CouncilViews.Rule(t.get("council.statutes.pay"), t.get("council.statutes.pay.value",
                statutes.pay().capMultiple().stripTrailingZeros().toPlainString())));
        for (var post : statutes.posts()) {
            rules.add(new CouncilViews.Rule(t.get("council.statutes.post", post.name(), post.unitType()), post.elective()
                    ? t.get("council.statutes.post.elective", post.electorate(), post.termMonths(), post.seats())
                    : t.get("council.statutes.post.appointed", post.seats())));
        }
        rules.add(new CouncilViews.Rule(t.get("council.statutes.digest"), statutes.sha256()));
        Map<String, Object> model = new HashMap<>();
        model.put("organisation", statutes.organisation());
        model.put("rules", rules);
        model.put("text", statutes.text());
        routes.render(ctx, "council/statutes.jte", "council", t.get("council.statutes.title"), model);
    }
}
