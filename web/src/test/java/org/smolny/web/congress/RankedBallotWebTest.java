package org.smolny.web.congress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.council.member.MemberId;

/**
 * Elections of bodies by ranked ballots cast one by one, over the API and from the pages' forms without JavaScript:
 * the chair opens the election, each delegate casts their seat's ranked ballot (rank numbers per candidate in the
 * hall), refusals write nothing, the chair closes it and the count with its rounds and every public ballot shows in
 * the API, the hall, the projector and the minutes. Docks has 30 members, Harbour 20, Airport 15, Warehouse 8.
 */
class RankedBallotWebTest {

    @TempDir
    Path folder;
    private CongressServer union;
    private String congress;
    private String executive;
    private String left;
    private String centre;
    private String minority;

    @BeforeEach
    void start() {
        union = new CongressServer(folder);
        congress = union.openCongressWithMotion();
        executive = union.scheduleElection("national-executive", 2);
        List<MemberId> harbour = union.members.get("Harbour");
        left = harbour.get(10).toString();
        centre = harbour.get(11).toString();
        minority = union.members.get("Airport").get(6).toString();
    }

    @AfterEach
    void stop() {
        union.close();
    }

    private ObjectNode ballot(String... ranking) {
        ObjectNode body = CongressServer.on(congress).put("election", executive);
        var array = body.putArray("ranking");
        for (String candidate : ranking) {
            array.add(candidate);
        }
        return body;
    }

    @Test
    void delegates_cast_ranked_ballots_over_the_api_and_the_card_count_is_recorded_with_every_ballot_in_public() {
        HttpMember chair = union.signIn("chair");
        ObjectNode open = CongressServer.on(congress).put("election", executive).put("mode", "card");
        open.putArray("candidates").add(left).add(centre).add(minority);
        JsonNode opened = chair.act("open-election", open);
        assertThat(opened.path("entries").get(0).path("type").asText()).isEqualTo("congress-election.opened");
        assertThat(opened.path("entries").get(0).path("entry").path("body").path("method").asText()).isEqualTo("stv-scottish");

        union.signIn("docks").act("cast-ranked-ballot", ballot(minority));
        JsonNode docks = union.signIn("docks").act("cast-ranked-ballot", ballot(left));
        union.signIn("harbour").act("cast-ranked-ballot", ballot(minority));
        union.signIn("airport").act("cast-ranked-ballot", ballot(left, centre));
        union.signIn("warehouse").act("cast-ranked-ballot", ballot(centre));
        JsonNode cast = docks.path("entries").get(0);
        assertThat(cast.path("type").asText()).isEqualTo("ranked-ballot.cast");
        assertThat(cast.path("entry").path("body").path("weight").asLong()).isEqualTo(30);
        JsonNode state = union.anonymous().get("/api/congress/" + congress);
        assertThat(state.path("openElections").get(0).path("ballots")).hasSize(4);
        assertThat(state.path("openElections").get(0).path("mode").asText()).isEqualTo("card");

        JsonNode closed = chair.act("close-election", CongressServer.on(congress).put("election", executive));

        assertThat(closed.path("entries").get(0).path("type").asText()).isEqualTo("body.elected");
        state = union.anonymous().get("/api/congress/" + congress);
        assertThat(state.path("openElections")).isEmpty();
        JsonNode election = state.path("elections").get(0);
        List<String> elected = new ArrayList<>();
        election.path("elected").forEach(id -> elected.add(id.asText()));
        assertThat(elected).containsExactlyInAnyOrder(left, minority);
        assertThat(election.path("ballotPapers").asInt()).isEqualTo(4);
        assertThat(election.path("rounds").get(0).asText()).as("73 cards for 2 seats").contains("quota 25");
        assertThat(election.path("ballots")).hasSize(4);
        assertThat(election.path("ballots").get(0).path("ranking")).hasSize(1);
        assertThat(election.path("ballots").get(0).path("ranking").get(0).asText()).isEqualTo(left);
        String minutes = union.anonymous().getRaw("/api/congress/" + congress + "/minutes", "text/markdown").body();
        assertThat(minutes).contains("Ballots cast one by one (an open election: every ballot is public), weighed in cards:",
                "- " + union.name(union.delegate("Docks")) + " (30): " + union.name(MemberId.parse(left)) + "\n",
                "1 ballot was replaced by a later ballot of the same seat; the record keeps both.");
        String projector = union.anonymous().getRaw("/congress/" + congress + "/projector", "text/html").body();
        assertThat(projector).contains("Rounds of the count", union.name(MemberId.parse(minority)));
    }

    @Test
    void a_ballot_from_a_member_without_a_seat_or_ranking_a_stranger_or_a_candidate_twice_is_refused_and_writes_nothing() {
        HttpMember chair = union.signIn("chair");
        ObjectNode open = CongressServer.on(congress).put("election", executive);
        open.putArray("candidates").add(left).add(centre).add(minority);
        chair.act("open-election", open);
        String stranger = union.members.get("Docks").get(20).toString();
        long size = union.recordSize();

        assertThat(union.signIn("member").refused("cast-ranked-ballot", ballot(left), 403).path("type").asText())
                .isEqualTo("/problems/forbidden");
        assertThat(union.signIn("docks").refused("cast-ranked-ballot", ballot(left, stranger), 422).path("detail").asText())
                .contains("the ballot ranks " + stranger + ", who is not a candidate in this election");
        assertThat(union.signIn("docks").refused("cast-ranked-ballot", ballot(left, centre, left), 422).path("detail").asText())
                .contains("the ballot ranks " + left + " twice");
        assertThat(union.signIn("docks").refused("cast-ranked-ballot", CongressServer.on(congress).put("election", executive), 400)
                .path("detail").asText()).contains("'ranking'");
        assertThat(union.signIn("docks").refused("close-election", CongressServer.on(congress).put("election", executive), 403)
                .path("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(chair.refused("close-election", CongressServer.on(congress).put("election", executive), 422).path("detail").asText())
                .contains("no ballot has been cast in this election");
        assertThat(union.recordSize()).isEqualTo(size);
    }

    @Test
    void the_chair_opens_and_closes_the_election_from_the_console_and_delegates_rank_candidates_in_the_hall_form() {
        HttpMember chair = union.signIn("chair");
        String console = "/congress/" + congress + "/chair";
        String hall = "/congress/" + congress;
        assertThat(chair.getRaw(console, "text/html").body()).contains("action=\"/congress/" + congress + "/act/open-election\"",
                "id=\"open-election-election\"", "name=\"mode\"");
        HttpMember.assertRedirected(chair.pageAct("open-election", console, Map.of("election", executive, "method", "stv-scottish", "mode", "named",
                "candidates", left + "\n" + centre + "\n" + minority)), console);

        HttpMember docks = union.signIn("docks");
        String page = docks.getRaw(hall, "text/html").body();
        assertThat(page).contains("action=\"/congress/" + congress + "/act/cast-ranked-ballot\"", "name=\"election\" value=\"" + executive + "\"",
                "name=\"rank." + left + "\"", "name=\"rank." + minority + "\"", "public on the record");
        long size = union.recordSize();
        HttpResponse<String> twoFirsts = docks.pageAct("cast-ranked-ballot", hall, Map.of("election", executive, "rank." + left, "1",
                "rank." + centre, "1"));
        assertThat(twoFirsts.statusCode()).isEqualTo(400);
        assertThat(twoFirsts.body()).contains("role=\"alert\"", "both have rank 1");
        HttpResponse<String> notNumber = docks.pageAct("cast-ranked-ballot", hall, Map.of("election", executive, "rank." + left, "first"));
        assertThat(notNumber.body()).contains("role=\"alert\"", "must be a whole number from 1, not 'first'");
        HttpResponse<String> blank = docks.pageAct("cast-ranked-ballot", hall, Map.of("election", executive));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("rank at least one candidate");
        assertThat(union.recordSize()).isEqualTo(size);

        HttpMember.assertRedirected(docks.pageAct("cast-ranked-ballot", hall, Map.of("election", executive, "rank." + left, "2", "rank." + centre, "5",
                "rank." + minority, "")), hall);
        HttpMember.assertRedirected(docks.pageAct("cast-ranked-ballot", hall, Map.of("election", executive, "rank." + left, "1", "rank." + centre, "3")), hall);
        assertThat(docks.getRaw(hall, "text/html").body()).contains("Casting again before the chair closes the election replaces it",
                "name=\"rank." + left + "\" type=\"number\" min=\"1\" max=\"3\" inputmode=\"numeric\" size=\"3\" value=\"1\"");
        HttpMember.assertRedirected(union.signIn("harbour").pageAct("cast-ranked-ballot", hall, Map.of("election", executive, "rank." + left, "1")), hall);
        HttpMember.assertRedirected(union.signIn("airport").pageAct("cast-ranked-ballot", hall, Map.of("election", executive, "rank." + minority, "1",
                "rank." + left, "2")), hall);
        HttpMember.assertRedirected(union.signIn("warehouse").pageAct("cast-ranked-ballot", hall, Map.of("election", executive, "rank." + minority, "1")), hall);
        JsonNode ballots = union.anonymous().get("/api/congress/" + congress).path("openElections").get(0).path("ballots");
        assertThat(ballots).hasSize(4);
        assertThat(ballots.get(0).path("ranking").get(0).asText()).isEqualTo(left);
        assertThat(ballots.get(0).path("ranking").get(1).asText()).isEqualTo(centre);

        assertThat(chair.getRaw(console, "text/html").body()).contains("action=\"/congress/" + congress + "/act/close-election\"");
        HttpMember.assertRedirected(chair.pageAct("close-election", console, Map.of("election", executive)), console);

        JsonNode elected = union.anonymous().get("/api/congress/" + congress).path("elections").get(0).path("elected");
        assertThat(List.of(elected.get(0).asText(), elected.get(1).asText())).containsExactlyInAnyOrder(left, minority);
        assertThat(union.anonymous().getRaw(hall, "text/html").body()).contains("The ballots (public)", union.name(MemberId.parse(minority)));
    }

    @Test
    void the_chair_extends_the_item_with_a_reason_and_the_console_shows_the_time_left() {
        HttpMember chair = union.signIn("chair");
        String console = "/congress/" + congress + "/chair";
        assertThat(chair.getRaw(console, "text/html").body()).contains("Time left on item 1: 60:00", "action=\"/congress/" + congress + "/act/extend-item\"");
        long size = union.recordSize();
        assertThat(chair.refused("extend-item", CongressServer.on(congress).put("item", 1).put("minutes", 10).put("reason", " "), 422)
                .path("detail").asText()).contains("say why the item is extended");
        assertThat(union.signIn("docks").refused("extend-item", CongressServer.on(congress).put("item", 1).put("minutes", 10)
                .put("reason", "more speakers"), 403).path("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(union.recordSize()).isEqualTo(size);

        JsonNode extended = chair.act("extend-item", CongressServer.on(congress).put("item", 1).put("minutes", 15)
                .put("reason", "eight delegates still wish to speak"));
        HttpMember.assertRedirected(chair.pageAct("extend-item", console, Map.of("item", "1", "minutes", "5", "reason", "a point of order")), console);

        assertThat(extended.path("entries").get(0).path("type").asText()).isEqualTo("agenda-item.extended");
        String page = chair.getRaw(console, "text/html").body();
        assertThat(page).contains("Time left on item 1: 80:00", "Extended by 15 minutes: eight delegates still wish to speak");
        assertThat(union.anonymous().get("/api/congress/" + congress).path("itemEndsAt").asText())
                .isEqualTo(union.now.get().plusSeconds(80 * 60).toString());
        union.passDays(1);
        assertThat(chair.getRaw(console, "text/html").body()).contains("The time for item 1 has run out.");
        assertThat(union.anonymous().getRaw("/api/congress/" + congress + "/minutes", "text/markdown").body())
                .contains("The chair extended the item's time by 15 minutes at ", "eight delegates still wish to speak");
    }

    @Test
    void a_vote_without_the_quorum_decides_nothing_and_its_result_names_the_quorum_rule() {
        HttpMember chair = union.signIn("chair");
        ObjectNode table = CongressServer.on(congress).put("item", 1).put("title", "Terms of twelve months").put("decision", "statutes_amendment");
        table.putArray("text").add("Terms of congress delegates are 12 months.");
        String motion = union.signIn("docks").act("table-motion", table).path("entries").get(0).path("entry").path("body")
                .path("motion").asText();
        for (String branch : List.of("Harbour", "Airport", "Warehouse")) {
            chair.act("record-attendance", CongressServer.on(congress).put("seat", union.delegateMandates.get(branch).toString())
                    .put("member", union.delegate(branch).toString()).put("present", false));
        }
        chair.act("open-vote", CongressServer.on(congress).put("motion", motion).put("mode", "card"));
        union.signIn("docks").act("cast-vote", CongressServer.on(congress).put("position", "for"));

        chair.act("close-vote", CongressServer.on(congress));

        JsonNode result = union.anonymous().get("/api/congress/" + congress).path("results").get(0);
        assertThat(result.path("passed").asBoolean()).isFalse();
        assertThat(result.path("sentence").asText()).isEqualTo("Not decided: no quorum (quorum of 0.5 of the 4 seats"
                + " (statutes, decisions.statutes_amendment): 1 present, 2 needed). 30 for, 0 against, 0 abstaining.");
        assertThat(union.anonymous().get("/api/congress/" + congress).path("motions").get(1).path("fate").asText()).isEqualTo("lost");
    }
}
