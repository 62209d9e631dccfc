package org.smolny.web.congress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smolny.web.congress.CongressScenario.AMENDED_LINE;
import static org.smolny.web.congress.CongressScenario.AMENDMENT_RESULT;
import static org.smolny.web.congress.CongressScenario.AMENDMENT_VOTES;
import static org.smolny.web.congress.CongressScenario.EXECUTIVE_SEATS;
import static org.smolny.web.congress.CongressScenario.MOTION_RESULT;
import static org.smolny.web.congress.CongressScenario.MOTION_TEXT;
import static org.smolny.web.congress.CongressScenario.MOTION_TITLE;
import static org.smolny.web.congress.CongressScenario.MOTION_VOTES;
import static org.smolny.web.congress.CongressScenario.NO_MANDATE_REFUSAL;
import static org.smolny.web.congress.CongressScenario.UNKNOWN_MANDATE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The congress scenario of issue 4 over the JSON API of a real server on a real SQLite file, with real sign-in: a
 * regular congress convened; delegates accredited by the mandates their branches gave them (a claimant without a
 * mandate refused, Docks's alternate taking its absent delegate's seat); the quorum reached; the agenda adopted; a
 * motion tabled, a line amendment carried, and the amended motion carried by a card vote whose result states its
 * rule; the national executive elected by STV under the Scottish rules; the minutes showing all of it.
 */
class CongressScenarioApiTest {

    @TempDir
    Path folder;
    private ScenarioUnion union;
    private final Map<String, HttpMember> people = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        union = new ScenarioUnion(folder);
        for (String login : List.of("admin", "chair", "docks", "harbour", "airport", "warehouse", "docks-alternate", "claimant")) {
            people.put(login, union.signIn(login));
        }
    }

    @AfterEach
    void stop() {
        union.close();
    }

    @Test
    void a_congress_accredits_its_delegates_passes_an_amended_motion_by_card_vote_and_elects_its_executive_by_stv() {
        HttpMember chair = people.get("chair");
        String executive = union.scheduleExecutiveElection(EXECUTIVE_SEATS);

        // Convocation: a regular congress, with Docks's alternates allowed to sit for an absent delegate.
        JsonNode convened = people.get("admin").act("convene-congress", HttpMember.JSON.createObjectNode().put("unit", union.national.toString())
                .put("kind", "regular").put("delegatePost", "congress-delegate").put("alternatePost", "congress-alternate")
                .put("chair", union.chair.toString()).put("opensAt", union.now().plus(Duration.ofDays(1)).toString()));
        String congress = convened.path("entries").get(0).path("entry").path("body").path("congress").asText();

        // Credentials: each delegate by the mandate their branch gave them; a mandate nobody holds is refused, writing nothing.
        for (String branch : List.of("Docks", "Harbour", "Airport", "Warehouse")) {
            JsonNode accredited = chair.act("accredit-delegate", on(congress).put("mandate", union.delegateMandates.get(branch).toString()));
            assertThat(accredited.path("entries").get(0).path("type").asText()).isEqualTo("delegate.accredited");
        }
        long size = union.recordSize();
        assertThat(chair.refused("accredit-delegate", on(congress).put("mandate", UNKNOWN_MANDATE), 422).path("detail").asText())
                .isEqualTo(NO_MANDATE_REFUSAL);
        assertThat(chair.refused("accredit-delegate", on(congress).put("mandate", union.docksAlternateMandate.toString()), 422)
                .path("detail").asText()).contains("the mandate is for 'congress-alternate', not a 'congress-delegate' mandate");
        assertThat(people.get("claimant").refused("ask-to-speak", on(congress).put("side", "for"), 403).path("detail").asText())
                .contains("sitting at the congress");
        assertThat(union.recordSize()).isEqualTo(size);

        // The Docks delegate is absent: the alternate may sit only once that is recorded, and then holds Docks's cards.
        String docksSeat = union.delegateMandates.get("Docks").toString();
        ObjectNode seatAlternate = on(congress).put("seat", docksSeat).put("alternateMandate", union.docksAlternateMandate.toString());
        assertThat(chair.refused("seat-alternate", seatAlternate, 422).path("detail").asText())
                .contains("an alternate sits only in an absent delegate's place");
        chair.act("record-attendance", on(congress).put("seat", docksSeat).put("member", union.delegate("Docks").toString()).put("present", false));
        chair.act("seat-alternate", seatAlternate);

        // Quorum: the congress opens on its date with the seats present.
        assertThat(chair.refused("open-congress", on(congress), 422).path("detail").asText()).endsWith("it cannot open earlier");
        union.passDays(1);
        JsonNode opened = chair.act("open-congress", on(congress));
        JsonNode quorum = opened.path("entries").get(0);
        assertThat(quorum.path("type").asText()).isEqualTo("congress.opened");
        assertThat(List.of(quorum.path("entry").path("body").path("entitledSeats").asInt(), quorum.path("entry").path("body").path("presentSeats").asInt()))
                .as("seats entitled, seats present").containsExactly(4, 4);
        assertThat(quorum.path("entry").path("body").path("entitledCards").asLong()).as("members represented").isEqualTo(73);
        JsonNode session = union.anonymous().get("/api/congress/" + congress);
        assertThat(session.path("phase").asText()).isEqualTo("in-session");
        assertThat(session.path("presentSeats").asInt()).isEqualTo(4);

        ObjectNode agenda = on(congress);
        agenda.putArray("items").add(HttpMember.JSON.createObjectNode().put("title", CongressScenario.POLICY_ITEM).put("minutes", 60).put("speakingMinutes", 3))
                .add(HttpMember.JSON.createObjectNode().put("title", CongressScenario.ELECTION_ITEM).put("minutes", 30).put("speakingMinutes", 2));
        chair.act("adopt-agenda", agenda);
        chair.act("take-item", on(congress).put("item", 1));

        // A motion tabled by Harbour, a line amendment moved by Airport.
        ObjectNode table = on(congress).put("item", 1).put("title", MOTION_TITLE).put("decision", "ordinary");
        MOTION_TEXT.forEach(table.putArray("text")::add);
        String motion = people.get("harbour").act("table-motion", table).path("entries").get(0).path("entry").path("body").path("motion").asText();
        ObjectNode amend = on(congress).put("motion", motion);
        amend.putObject("edit").put("kind", "replace").put("from", 2).put("to", 2).putArray("lines").add(AMENDED_LINE);
        String amendment = people.get("airport").act("move-amendment", amend).path("entries").get(0).path("entry").path("body")
                .path("amendment").asText();

        // The amendment is voted first, by cards; the absent delegate cannot vote in the seat the alternate holds.
        assertThat(chair.refused("open-vote", on(congress).put("motion", motion).put("mode", "card"), 422).path("detail").asText())
                .contains("amendments are voted before the motion");
        chair.act("open-vote", on(congress).put("motion", motion).put("amendment", amendment).put("mode", "card"));
        assertThat(people.get("docks").refused("cast-vote", on(congress).put("position", "against"), 403).path("detail").asText())
                .contains("sitting at the congress");
        vote(congress, AMENDMENT_VOTES);
        JsonNode amendmentClosed = chair.act("close-vote", on(congress));
        assertThat(amendmentClosed.findValuesAsText("type")).contains("vote.closed");
        assertThat(union.anonymous().get("/api/congress/" + congress).path("results").get(0).path("sentence").asText()).isEqualTo(AMENDMENT_RESULT);
        assertThat(CongressScenario.texts(union.anonymous().get("/api/congress/" + congress).path("motions").get(0).path("currentText")))
                .contains(AMENDED_LINE);

        chair.act("open-vote", on(congress).put("motion", motion).put("mode", "card"));
        vote(congress, MOTION_VOTES);
        chair.act("close-vote", on(congress));
        assertThat(union.anonymous().get("/api/congress/" + congress).path("results").get(1).path("sentence").asText()).isEqualTo(MOTION_RESULT);

        // The executive, by STV (Scottish rules): each sitting delegate casts their seat's ranked ballot; the absent
        // delegate cannot cast one for the seat the alternate holds; the chair closes the election and Smolny counts.
        chair.act("take-item", on(congress).put("item", 2));
        ObjectNode open = on(congress).put("election", executive).put("method", "stv-scottish").put("mode", "named");
        ArrayNode candidates = open.putArray("candidates");
        CongressScenario.CANDIDATES.forEach(name -> candidates.add(union.candidates.get(name).toString()));
        chair.act("open-election", open);
        List<List<String>> papers = CongressScenario.paperIds(union);
        ObjectNode absentBallot = on(congress).put("election", executive);
        papers.get(0).forEach(absentBallot.putArray("ranking")::add);
        assertThat(people.get("docks").refused("cast-ranked-ballot", absentBallot, 403).path("detail").asText()).contains("sitting at the congress");
        for (int seat = 0; seat < papers.size(); seat++) {
            ObjectNode ballot = on(congress).put("election", executive);
            papers.get(seat).forEach(ballot.putArray("ranking")::add);
            JsonNode cast = people.get(CongressScenario.SITTING.get(seat)).act("cast-ranked-ballot", ballot);
            assertThat(cast.findValuesAsText("type")).contains("ranked-ballot.cast");
        }
        JsonNode elected = chair.act("close-election", on(congress).put("election", executive));
        assertThat(elected.findValuesAsText("type")).contains("body.elected", "mandate.conferred");
        chair.act("close-congress", on(congress));

        CongressScenario.assertOutcome(union, congress);
    }

    private void vote(String congress, Map<String, String> votes) {
        for (String login : CongressScenario.SITTING) {
            people.get(login).act("cast-vote", on(congress).put("position", votes.get(login)));
        }
    }

    private static ObjectNode on(String congress) {
        return CongressServer.on(congress);
    }
}
