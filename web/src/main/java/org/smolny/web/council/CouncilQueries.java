package org.smolny.web.council;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.indicator.Indicators;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.shell.internal.CouncilEntries;
import org.smolny.council.unit.UnitId;
import org.smolny.web.Routes;
import org.smolny.web.api.ApiCatalog;
import org.smolny.web.problem.ProblemException;
import org.smolny.web.problem.ProblemType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The council's read endpoints, answered from the query tables (and the indicators from the state). Everything here
 * is public, as the record is, except the members of a unit with their names, which only the unit's officers see.
 * Thread-safe.
 */
final class CouncilQueries {

    private final CouncilService council;
    private final ObjectMapper json;

    CouncilQueries(CouncilService council, ObjectMapper json) {
        this.council = council;
        this.json = json;
    }

    void install(Routes routes, BiConsumer<Context, UnitId> requireOfficerOf) {
        ApiCatalog.Parameter unitQuery = ApiCatalog.Parameter.text("unit", ApiCatalog.Location.QUERY, "Only this unit (a unit id)", false);
        routes.api(operation("/api/council/units", "units", "The units of the organisation, in the order founded.", List.of()),
                ctx -> ctx.json(rows("SELECT unit_id, unit_type, parent_id, name, founded_at FROM council_unit ORDER BY founded_at, unit_id", Map.of())));
        routes.api(operation("/api/council/units/{unit}/members", "unitMembers",
                        "The members of a unit with their names and contacts (officers of the unit only).",
                        List.of(ApiCatalog.Parameter.text("unit", ApiCatalog.Location.PATH, "The unit's id", true))),
                ctx -> {
                    UnitId unit = unitId(ctx.pathParam("unit"), "unit");
                    requireOfficerOf.accept(ctx, unit);
                    ctx.json(rows("SELECT m.member_id, m.status, m.admitted_at, m.voting_from, p.name, p.email, p.phone "
                            + "FROM council_member m LEFT JOIN council_person p ON p.member_id = m.member_id "
                            + "WHERE m.unit_id = :unit ORDER BY m.admitted_at, m.member_id", Map.of("unit", unit.toString())));
                });
        routes.api(operation("/api/council/mandates", "mandates", "Mandates (delegates, officers, body members), in force and ended.",
                        List.of(unitQuery)),
                ctx -> ctx.json(filtered("SELECT mandate_id, post, unit_id, holder_id, source, election_id, started_at, ends_at, status, ended_at "
                        + "FROM council_mandate", ctx, "started_at, mandate_id")));
        routes.api(operation("/api/council/mandates/{mandate}/votes", "delegateVotes",
                        "A delegate's votes on motions beside their unit's instructions.",
                        List.of(ApiCatalog.Parameter.text("mandate", ApiCatalog.Location.PATH, "The delegate's mandate id", true))),
                ctx -> {
                    MandateId mandate = mandateId(ctx.pathParam("mandate"));
                    ctx.json(delegateVotes(mandate));
                });
        routes.api(operation("/api/council/elections", "elections", "Elections, scheduled and held.", List.of(unitQuery)),
                ctx -> ctx.json(filtered("SELECT election_id, post, unit_id, seats, kind, hold_by, status, held_at FROM council_election",
                        ctx, "hold_by, election_id")));
        routes.api(operation("/api/council/petitions", "petitions",
                        "Recall petitions, convening petitions and initiatives, with their signatures and thresholds.", List.of(unitQuery)),
                ctx -> ctx.json(filtered("SELECT petition_id, kind, unit_id, subject, opener_id, electorate, needed, signatures, status, "
                        + "opened_at, closes_at FROM council_petition", ctx, "opened_at, petition_id")));
        routes.api(operation("/api/council/register", "payRegister", "The public register of officials' pay and benefits.", List.of(unitQuery)),
                ctx -> ctx.json(filtered("SELECT payment_id, official_id, unit_id, mandate_id, month, kind, description, amount_minor, currency, "
                        + "month_total_minor, cap_minor, congress_voted, recorded_at FROM council_payment", ctx, "month, payment_id")));
        routes.api(operation("/api/council/powers", "emergencyPowers", "Emergency powers: in force, ratified or expired.", List.of(unitQuery)),
                ctx -> ctx.json(filtered("SELECT powers_id, unit_id, body, holder_id, scope, expires_at, status, changed_at FROM council_powers",
                        ctx, "expires_at, powers_id")));
        routes.api(operation("/api/council/meetings", "meetings", "Meetings held, flagged overdue, or convened by petition.", List.of(unitQuery)),
                ctx -> ctx.json(filtered("SELECT idx, body, unit_id, what, at, convening, due_at FROM council_meeting", ctx, "idx")));
        routes.api(operation("/api/council/indicators", "indicators", "The indicators of degeneration, for the whole organisation.", List.of()),
                ctx -> ctx.json(indicators()));
        routes.api(operation("/api/council/statutes", "statutes", "The statutes in force: version, digest and text.", List.of()),
                ctx -> ctx.json(statutes()));
    }

    private static ApiCatalog.Operation operation(String path, String id, String summary, List<ApiCatalog.Parameter> parameters) {
        return new ApiCatalog.Operation(path, id, summary, parameters,
                Map.of(200, "Found", 400, "A parameter is not an id", 404, "Nothing with that id"), "application/json");
    }

    private List<Map<String, Object>> filtered(String select, Context ctx, String orderBy) {
        String unit = ctx.queryParam("unit");
        if (unit == null) {
            return rows(select + " ORDER BY " + orderBy, Map.of());
        }
        return rows(select + " WHERE unit_id = :unit ORDER BY " + orderBy, Map.of("unit", unitId(unit, "unit").toString()));
    }

    private List<Map<String, Object>> rows(String sql, Map<String, Object> bindings) {
        try (Handle handle = council.queries().open()) {
            var query = handle.createQuery(sql);
            bindings.forEach(query::bind);
            return query.mapToMap().list();
        }
    }

    private ObjectNode delegateVotes(MandateId mandate) {
        List<Map<String, Object>> mandateRows = rows("SELECT mandate_id, post, unit_id, holder_id, status FROM council_mandate WHERE mandate_id = :m",
                Map.of("m", mandate.toString()));
        if (mandateRows.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "problem.council.not-found", "mandate", mandate.toString());
        }
        ObjectNode answer = json.valueToTree(mandateRows.getFirst());
        List<Map<String, Object>> motions = rows("SELECT i.motion_id AS motion_id, i.position AS instructed, v.position AS voted "
                + "FROM council_instruction i LEFT JOIN council_delegate_vote v ON v.mandate_id = i.mandate_id AND v.motion_id = i.motion_id "
                + "WHERE i.mandate_id = :m "
                + "UNION SELECT v.motion_id, v.instructed, v.position FROM council_delegate_vote v "
                + "WHERE v.mandate_id = :m AND NOT EXISTS (SELECT 1 FROM council_instruction i WHERE i.mandate_id = v.mandate_id AND i.motion_id = v.motion_id) "
                + "ORDER BY motion_id", Map.of("m", mandate.toString()));
        List<Map<String, Object>> compared = new ArrayList<>();
        for (Map<String, Object> motion : motions) {
            Map<String, Object> row = new LinkedHashMap<>(motion);
            Object instructed = motion.get("instructed");
            Object voted = motion.get("voted");
            row.put("followedInstruction", instructed == null || voted == null ? null : instructed.equals(voted));
            compared.add(row);
        }
        answer.set("motions", json.valueToTree(compared));
        return answer;
    }

    private Map<String, Object> indicators() {
        Instant now = council.clock().instant();
        return council.read(state -> {
            Indicators indicators = new Indicators(state);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("recalls", indicators.recalls());
            answer.put("expulsions", indicators.expulsions());
            answer.put("instructions", indicators.instructions());
            state.units().root().ifPresent(root -> answer.put("mandateSources", indicators.mandateSources(root.id())));
            answer.put("overdueMeetings", indicators.overdueMeetings(now).stream()
                    .map(overdue -> Map.of("body", overdue.body(), "unit", overdue.unit().toString(), "dueAt", overdue.dueAt().toString())).toList());
            answer.put("admissionSurges", indicators.raisedSurges(now).stream()
                    .map(surge -> Map.of("unit", surge.unit().toString(), "joinedInWindow", surge.joinedInWindow(), "members", surge.members()))
                    .toList());
            return answer;
        });
    }

    private Map<String, Object> statutes() {
        List<Map<String, Object>> latest = rows("SELECT idx FROM council_entry WHERE type IN ('statutes.adopted', 'statutes.amended') "
                + "ORDER BY idx DESC LIMIT 1", Map.of());
        if (latest.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_AVAILABLE, "problem.council.no-statutes");
        }
        long index = ((Number) latest.getFirst().get("idx")).longValue();
        CouncilEvent event = CouncilEntries.decode(index, council.store().entry(index).bytes()).orElseThrow().event();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("entry", index);
        switch (event) {
            case CouncilEvent.StatutesAdopted adopted -> {
                answer.put("version", adopted.version());
                answer.put("sha256", adopted.sha256());
                answer.put("text", adopted.text());
            }
            case CouncilEvent.StatutesAmended amended -> {
                answer.put("version", amended.version());
                answer.put("sha256", amended.sha256());
                answer.put("text", amended.text());
            }
            default -> throw new IllegalStateException("entry " + index + " is not a statutes entry");
        }
        return answer;
    }

    static UnitId unitId(String text, String parameter) {
        try {
            return UnitId.parse(text);
        } catch (IllegalArgumentException invalid) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.council.bad-id", parameter, text, invalid.getMessage());
        }
    }

    static MandateId mandateId(String text) {
        try {
            return MandateId.parse(text);
        } catch (IllegalArgumentException invalid) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.council.bad-id", "mandate", text, invalid.getMessage());
        }
    }
}
