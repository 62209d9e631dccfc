package org.smolny.web.council;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smolny.web.council.CouncilServer.JSON;

/** The drills of the charter, played end to end through the HTTP API on a real SQLite database. */
class CouncilDrillsApiTest {

    private static final String DOCUMENT = "5f0c2a1e9d3b47c68a1f2e3d4c5b6a79880706f5e4d3c2b1a09f8e7d6c5b4a39";

    @TempDir
    Path folder;
    private CouncilServer union;

    @AfterEach
    void close() {
        if (union != null) {
            union.close();
        }
    }

    private static List<String> types(JsonNode answer) {
        List<String> types = new ArrayList<>();
        answer.path("entries").forEach(entry -> types.add(entry.path("type").asText()));
        return types;
    }

    private static JsonNode only(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (row.path(field).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + " = " + value + " in " + rows);
    }

    @Test
    void d10_electors_recall_their_delegate_at_the_threshold_and_no_body_can_veto_it() {
        union = new CouncilServer(folder).founded();
        List<String> docks = union.admit(union.docks, 8);
        String stranger = union.admit(union.depot);
        union.passProbation();
        String secretary = union.elect(union.admin, "branch-secretary", union.docks, docks.get(0), docks);
        Client secretaryClient = union.member(docks.get(0));
        String delegate = union.elect(secretaryClient, "branch-delegate", union.docks, docks.get(1), docks);
        assertThat(secretary).isNotBlank();

        Client opener = union.member(docks.get(2));
        String petition = opener.ok("/api/council/open-recall-petition", JSON.createObjectNode().put("mandate", delegate))
                .path("entries").get(0).path("entry").path("body").path("petition").asText();

        long size = union.store.size();
        Client outsider = union.member(stranger);
        JsonNode foreign = outsider.problem("/api/council/sign-recall-petition", JSON.createObjectNode().put("petition", petition), 403);
        assertThat(foreign.path("detail").asText()).startsWith("You act only in your own units");
        JsonNode veto = union.admin.problem("/api/council/veto-recall",
                JSON.createObjectNode().put("petition", petition).put("byUnit", union.national), 422);
        assertThat(veto.path("detail").asText()).startsWith("no body can veto");
        assertThat(union.store.size()).isEqualTo(size);

        JsonNode signed = union.member(docks.get(3)).ok("/api/council/sign-recall-petition", JSON.createObjectNode().put("petition", petition));

        assertThat(types(signed)).containsExactly("recall-petition.signed", "recall-petition.succeeded", "mandate.recalled",
                "election.scheduled");
        assertThat(only(opener.get("/api/council/mandates?unit=" + union.docks), "mandate_id", delegate).path("status").asText())
                .isEqualTo("recalled");
        JsonNode byElection = only(opener.get("/api/council/elections?unit=" + union.docks), "kind", "by-election");
        assertThat(byElection.path("post").asText()).isEqualTo("branch-delegate");
        assertThat(byElection.path("status").asText()).isEqualTo("scheduled");
    }

    @Test
    void d10_a_delegates_vote_is_shown_beside_the_units_instruction() {
        union = new CouncilServer(folder).founded();
        List<String> docks = union.admit(union.docks, 6);
        union.passProbation();
        union.elect(union.admin, "branch-secretary", union.docks, docks.get(0), docks);
        Client secretary = union.member(docks.get(0));
        String delegate = union.elect(secretary, "branch-delegate", union.docks, docks.get(1), docks);
        String motion = "019b8d62-7a80-7f20-b238-f66a670e8dd1";

        secretary.ok("/api/council/instruct-delegate", JSON.createObjectNode().put("mandate", delegate).put("unit", union.docks)
                .put("motion", motion).put("position", "against").set("unitVote", CouncilServer.unanimous(6)));
        long size = union.store.size();
        secretary.problem("/api/council/record-delegate-vote",
                JSON.createObjectNode().put("mandate", delegate).put("motion", motion).put("position", "for"), 403);
        assertThat(union.store.size()).isEqualTo(size);
        union.member(docks.get(1)).ok("/api/council/record-delegate-vote",
                JSON.createObjectNode().put("mandate", delegate).put("motion", motion).put("position", "for"));

        JsonNode votes = union.client().get("/api/council/mandates/" + delegate + "/votes");
        JsonNode vote = votes.path("motions").get(0);
        assertThat(vote.path("instructed").asText()).isEqualTo("against");
        assertThat(vote.path("voted").asText()).isEqualTo("for");
        assertThat(vote.path("followedInstruction").asBoolean()).isFalse();
    }

    @Test
    void d4_a_unit_expels_only_by_due_process_and_the_congress_hears_the_appeal() {
        union = new CouncilServer(folder).founded();
        List<String> docks = union.admit(union.docks, 12);
        union.passProbation();
        union.elect(union.admin, "branch-secretary", union.docks, docks.get(0), docks);
        Client secretary = union.member(docks.get(0));
        String critic = docks.get(5);
        Client criticClient = union.member(critic);
        String delegateMandate = union.elect(union.admin, "congress-delegate", union.docks, docks.get(2), docks);
        Client delegate = union.member(docks.get(2));

        long size = union.store.size();
        JsonNode direct = union.admin.problem("/api/council/expel-directly",
                JSON.createObjectNode().put("member", critic).put("byUnit", union.north), 422);
        assertThat(direct.path("detail").asText()).contains("no body above the member's own unit can expel a member");
        secretary.problem("/api/council/expel-directly", JSON.createObjectNode().put("member", critic).put("byUnit", union.north), 403);
        assertThat(union.store.size()).isEqualTo(size);

        String charge = union.member(docks.get(1)).ok("/api/council/bring-charge", JSON.createObjectNode().put("member", critic)
                        .put("unit", union.docks).put("documentSha256", DOCUMENT).put("clause", "rule 14.2"))
                .path("entries").get(0).path("entry").path("body").path("charge").asText();
        JsonNode early = secretary.problem("/api/council/vote-on-charge", JSON.createObjectNode().put("charge", charge)
                .put("unit", union.docks).set("unitVote", CouncilServer.vote(12, 10, 8, 2, 0)), 422);
        assertThat(early.path("detail").asText()).isNotBlank();
        secretary.ok("/api/council/notify-charge", JSON.createObjectNode().put("charge", charge)
                .put("hearingAt", union.now.get().plus(Duration.ofDays(14)).toString()));
        union.passDays(14);
        secretary.ok("/api/council/hear-charge", JSON.createObjectNode().put("charge", charge));
        JsonNode expelled = secretary.ok("/api/council/vote-on-charge", JSON.createObjectNode().put("charge", charge)
                .put("unit", union.docks).set("unitVote", CouncilServer.vote(12, 10, 8, 2, 0)));
        assertThat(types(expelled)).contains("member.expelled");

        criticClient.ok("/api/council/appeal", JSON.createObjectNode().put("charge", charge));
        ObjectNode unrelated = congressVote(delegateMandate, docks.get(2), delegate, "Uphold the appeal of the depot's treasurer");
        JsonNode unnamed = union.admin.problem("/api/council/decide-appeal", JSON.createObjectNode().put("charge", charge)
                .set("congressVote", unrelated), 422);
        assertThat(unnamed.path("detail").asText()).contains("does not name " + charge);
        ObjectNode vote = congressVote(delegateMandate, docks.get(2), delegate, "Uphold the appeal on charge " + charge + ": reinstate the member");
        secretary.problem("/api/council/decide-appeal", JSON.createObjectNode().put("charge", charge).set("congressVote", vote), 403);
        JsonNode reinstated = union.admin.ok("/api/council/decide-appeal", JSON.createObjectNode().put("charge", charge)
                .set("congressVote", vote));

        assertThat(types(reinstated)).contains("appeal.decided", "member.reinstated");
        JsonNode members = secretary.get("/api/council/units/" + union.docks + "/members");
        assertThat(only(members, "member_id", critic).path("status").asText()).isEqualTo("active");
        assertThat(only(members, "member_id", critic).path("name").asText()).isEqualTo("Member 6");
    }

    @Test
    void d5_an_elective_post_cannot_be_filled_by_appointment_and_an_officer_appoints_only_in_their_unit() {
        union = new CouncilServer(folder).founded();
        List<String> docks = union.admit(union.docks, 6);
        union.passProbation();
        union.elect(union.admin, "regional-secretary", union.north, docks.get(0), docks);
        Client regional = union.member(docks.get(0));
        long size = union.store.size();

        JsonNode elective = regional.problem("/api/council/appoint-to-post", JSON.createObjectNode().put("post", "branch-delegate")
                .put("unit", union.docks).put("appointee", docks.get(1)), 403);
        assertThat(elective.path("detail").asText()).contains("Only an officer of unit " + union.docks);
        JsonNode refused = regional.problem("/api/council/appoint-to-post", JSON.createObjectNode().put("post", "regional-secretary")
                .put("unit", union.north).put("appointee", docks.get(1)), 422);
        assertThat(refused.path("detail").asText()).contains("is elective").contains("an appointment is refused");
        regional.problem("/api/council/appoint-to-post", JSON.createObjectNode().put("post", "regional-organiser")
                .put("unit", union.south).put("appointee", docks.get(1)), 403);
        assertThat(union.store.size()).isEqualTo(size);

        JsonNode appointed = regional.ok("/api/council/appoint-to-post", JSON.createObjectNode().put("post", "regional-organiser")
                .put("unit", union.north).put("appointee", docks.get(1)));

        assertThat(types(appointed)).containsExactly("mandate.conferred");
        assertThat(union.client().get("/api/council/indicators").path("mandateSources").isObject()).isTrue();
    }

    @Test
    void d6_emergency_powers_expire_on_their_own_and_the_expiry_is_on_the_record() {
        union = new CouncilServer(folder).founded();
        List<String> docks = union.admit(union.docks, 5);
        union.passProbation();
        union.elect(union.admin, "congress-delegate", union.docks, docks.get(0), docks);
        String generalSecretary = union.elect(union.admin, "general-secretary", union.national, docks.get(1), List.of(docks.get(0)));
        Client leader = union.member(docks.get(1));
        long size = union.store.size();

        JsonNode tooLong = leader.problem("/api/council/grant-emergency-powers", grant(generalSecretary, 90), 422);
        assertThat(tooLong.path("detail").asText()).contains("60");
        assertThat(union.store.size()).isEqualTo(size);
        String powers = leader.ok("/api/council/grant-emergency-powers", grant(generalSecretary, 30))
                .path("entries").get(0).path("entry").path("body").path("powers").asText();
        union.passDays(31);
        union.member(docks.get(2)).problem("/api/council/tick", JSON.createObjectNode(), 403);

        JsonNode tick = union.admin.ok("/api/council/tick", JSON.createObjectNode());

        assertThat(types(tick)).contains("emergency-powers.expired");
        assertThat(only(union.client().get("/api/council/powers"), "powers_id", powers).path("status").asText()).isEqualTo("expired");
    }

    private ObjectNode grant(String holder, int days) {
        ObjectNode body = JSON.createObjectNode().put("unit", union.national).put("body", "national-executive").put("holder", holder)
                .put("scope", "call and settle the national strike").put("days", days);
        body.set("bodyVote", CouncilServer.unanimous(9));
        return body;
    }

    @Test
    void d7_pay_within_the_cap_is_public_and_a_payment_above_it_is_refused_without_a_congress_vote() {
        union = new CouncilServer(folder).founded();
        List<String> docks = union.admit(union.docks, 6);
        union.passProbation();
        String mandate = union.elect(union.admin, "branch-secretary", union.docks, docks.get(0), docks);
        union.admin.ok("/api/council/declare-median-wage", JSON.createObjectNode().put("monthlyMinor", 300_000).put("currency", "EUR")
                .put("source", "2026 members' wage survey"));
        Client treasurer = union.member(docks.get(0));

        treasurer.ok("/api/council/record-payment", payment(docks.get(0), mandate, 400_000, "pay", "salary"));
        long size = union.store.size();
        JsonNode refused = treasurer.problem("/api/council/record-payment", payment(docks.get(0), mandate, 90_000, "benefit", "a car all day"), 422);

        assertThat(refused.path("detail").asText()).contains("above the cap of 4500.00").contains("refused unless the congress votes it");
        assertThat(union.store.size()).isEqualTo(size);
        JsonNode register = union.client().get("/api/council/register");
        assertThat(register).hasSize(1);
        assertThat(register.get(0).path("amount_minor").asLong()).isEqualTo(400_000);
        assertThat(register.get(0).path("cap_minor").asLong()).isEqualTo(450_000);
    }

    /**
     * Runs a congress of the one congress delegate over the API: convened by the administrator with the delegate
     * {@code chair} in the chair, accredited, opened, an agenda item taken, an expulsion-appeal motion titled {@code title} tabled and
     * carried by name; returns the vote's reference ({@code congress}, {@code motion}) for the council's API.
     */
    private ObjectNode congressVote(String delegateMandate, String chair, Client delegate, String title) {
        String congress = union.admin.ok("/api/congress/convene-congress", JSON.createObjectNode().put("unit", union.national)
                        .put("kind", "regular").put("delegatePost", "congress-delegate").put("chair", chair)
                        .put("opensAt", union.now.get().toString()))
                .path("entries").get(0).path("entry").path("body").path("congress").asText();
        delegate.ok("/api/congress/accredit-delegate", JSON.createObjectNode().put("congress", congress).put("mandate", delegateMandate));
        delegate.ok("/api/congress/open-congress", JSON.createObjectNode().put("congress", congress));
        ObjectNode agenda = JSON.createObjectNode().put("congress", congress);
        agenda.putArray("items").addObject().put("title", "Appeals against expulsion").put("minutes", 30).put("speakingMinutes", 3);
        delegate.ok("/api/congress/adopt-agenda", agenda);
        delegate.ok("/api/congress/take-item", JSON.createObjectNode().put("congress", congress).put("item", 1));
        ObjectNode table = JSON.createObjectNode().put("congress", congress).put("item", 1).put("title", title)
                .put("decision", "expulsion_appeal");
        table.putArray("text").add(title);
        String motion = delegate.ok("/api/congress/table-motion", table).path("entries").get(0).path("entry").path("body")
                .path("motion").asText();
        delegate.ok("/api/congress/open-vote", JSON.createObjectNode().put("congress", congress).put("motion", motion).put("mode", "named"));
        delegate.ok("/api/congress/cast-vote", JSON.createObjectNode().put("congress", congress).put("position", "for"));
        delegate.ok("/api/congress/close-vote", JSON.createObjectNode().put("congress", congress));
        delegate.ok("/api/congress/close-congress", JSON.createObjectNode().put("congress", congress));
        return JSON.createObjectNode().put("congress", congress).put("motion", motion);
    }

    private static ObjectNode payment(String official, String mandate, long amount, String kind, String description) {
        return JSON.createObjectNode().put("official", official).put("mandate", mandate).put("month", "2026-08").put("kind", kind)
                .put("description", description).put("amountMinor", amount).put("currency", "EUR");
    }

    @Test
    void d9_an_overdue_meeting_is_flagged_and_a_petition_convenes_it_without_the_leadership() {
        union = new CouncilServer(folder).founded();
        List<String> docks = union.admit(union.docks, 12);
        union.passProbation();
        JsonNode tick = union.admin.ok("/api/council/tick", JSON.createObjectNode());
        assertThat(types(tick)).contains("meeting.flagged-overdue");

        Client opener = union.member(docks.get(0));
        String petition = opener.ok("/api/council/open-convening-petition",
                        JSON.createObjectNode().put("body", "branch-meeting").put("unit", union.docks))
                .path("entries").get(0).path("entry").path("body").path("petition").asText();
        JsonNode convened = union.member(docks.get(1)).ok("/api/council/sign-convening-petition", JSON.createObjectNode().put("petition", petition));

        assertThat(types(convened)).containsExactly("convening-petition.signed", "meeting.convened");
        JsonNode meetings = union.client().get("/api/council/meetings?unit=" + union.docks);
        assertThat(meetings.findValuesAsText("what")).contains("overdue", "convened");
        assertThat(only(union.client().get("/api/council/petitions"), "petition_id", petition).path("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void d3_a_flood_of_admissions_raises_the_indicator_and_newcomers_wait_out_probation() {
        union = new CouncilServer(folder).founded();
        List<String> founders = union.admit(union.docks, 4);
        union.passProbation();
        List<String> newcomers = union.admit(union.docks, 4);
        Client newcomer = union.member(newcomers.get(0));
        long size = union.store.size();

        JsonNode refused = newcomer.problem("/api/council/open-convening-petition",
                JSON.createObjectNode().put("body", "branch-meeting").put("unit", union.docks), 422);

        assertThat(refused.path("detail").asText()).contains("past probation");
        assertThat(union.store.size()).isEqualTo(size);
        JsonNode surges = union.client().get("/api/council/indicators").path("admissionSurges");
        assertThat(surges.findValuesAsText("unit")).contains(union.docks);
        union.member(founders.get(0)).ok("/api/council/open-convening-petition",
                JSON.createObjectNode().put("body", "branch-meeting").put("unit", union.docks));
    }
}
