package org.smolny.web.congress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The congress scenario that {@link CongressScenarioApiTest} plays over the JSON API and
 * {@link CongressScenarioBrowserTest} in the pages: what is tabled, moved, voted and elected, and what the record
 * must show afterwards — checked through the public API and the minutes, the same for both ways of getting there.
 *
 * <p>The votes are chosen so that the cards decide: the amended motion is carried 38–35 in cards although the seats
 * split two against two, so a vote counted by heads (or cards taken from the wrong seat) would not carry it. The
 * Docks seat, whose delegate is absent, is held by Docks's alternate with Docks's 30 cards.
 */
final class CongressScenario {

    static final String POLICY_ITEM = "Policy on the working week";
    static final String ELECTION_ITEM = "Election of the national executive";
    static final String MOTION_TITLE = "A 35-hour week";
    static final List<String> MOTION_TEXT = List.of(
            "Congress notes that overtime is unpaid in many depots.",
            "Congress believes the working week should be 35 hours.",
            "Congress instructs the executive to open negotiations.");
    /** The amendment replaces line 2 with this line. */
    static final String AMENDED_LINE = "Congress believes the working week should be 32 hours, with no loss of pay.";
    static final List<String> ADOPTED_TEXT = List.of(MOTION_TEXT.get(0), AMENDED_LINE, MOTION_TEXT.get(2));

    /** How each seat votes on the amendment (by login of the seat's occupant): 45 for, 20 against, 8 abstaining. */
    static final Map<String, String> AMENDMENT_VOTES = Map.of("docks-alternate", "for", "airport", "for", "harbour", "against",
            "warehouse", "abstain");
    /** How each seat votes on the amended motion: 30 + 8 = 38 cards for, 20 + 15 = 35 against; two seats each way. */
    static final Map<String, String> MOTION_VOTES = Map.of("docks-alternate", "for", "warehouse", "for", "harbour", "against",
            "airport", "against");

    static final String AMENDMENT_RESULT = "Carried: 45 for, 20 against, 8 abstaining; the rule is a simple majority (more for than "
            + "against) (statutes, decisions.ordinary, for amendments), counted in cards (members represented) of 73 entitled, which needs at "
            + "least 21 for.";
    static final String MOTION_RESULT = "Carried: 38 for, 35 against, 0 abstaining; the rule is a simple majority (more for than "
            + "against) (statutes, decisions.ordinary), counted in cards (members represented) of 73 entitled, which needs at least 36 for.";

    static final int EXECUTIVE_SEATS = 2;
    static final List<String> CANDIDATES = List.of("Docks member 10", "Docks member 11", "Harbour member 10", "Airport member 10",
            "Warehouse member 3");
    /**
     * The executive's ranked ballots, one per seat (by login of the occupant who casts it), most preferred first; one
     * vote a seat. Quota: 4 ÷ 3 + 1 = 2.
     * Docks member 10 has 3 first preferences and is elected in the first stage; the surplus of 1 passes at 0.33333 a
     * paper (two to Harbour member 10, one to Airport member 10, who then has 1.33333); the candidates without votes are
     * excluded, then Harbour member 10, and Airport member 10 takes the second seat. A block vote would have elected
     * Harbour member 10: STV gives the minority its seat.
     */
    static final Map<String, List<String>> PAPERS = Map.of(
            "docks-alternate", List.of("Docks member 10", "Harbour member 10"),
            "harbour", List.of("Docks member 10", "Harbour member 10"),
            "warehouse", List.of("Docks member 10", "Airport member 10"),
            "airport", List.of("Airport member 10"));
    static final List<String> ELECTED = List.of("Docks member 10", "Airport member 10");

    /** The refusal of a mandate id that is not on the record. */
    static final String NO_MANDATE_REFUSAL =
            "credentials refused: the mandate presented is not in force (ended by its term, by recall, or never conferred)";
    /** A mandate id that nobody holds. */
    static final String UNKNOWN_MANDATE = "019ab000-0000-7000-8000-00000000beef";

    /** The logins of the people who sit, seat by seat, once the alternate has taken the Docks seat; they vote in this order. */
    static final List<String> SITTING = List.of("docks-alternate", "harbour", "airport", "warehouse");

    private CongressScenario() {
    }

    /** The papers as member ids, in the order of {@link #SITTING}. */
    static List<List<String>> paperIds(ScenarioUnion union) {
        List<List<String>> papers = new ArrayList<>();
        for (String login : SITTING) {
            papers.add(PAPERS.get(login).stream().map(name -> union.candidates.get(name).toString()).toList());
        }
        return papers;
    }

    /**
     * Checks what the record holds once the scenario has run, as anyone reads it through the API and the minutes: who
     * sits (the alternate for Docks, not the claimant), the amended text adopted, the two card votes with the rule
     * that decided them, the executive elected by STV with its rounds, and the minutes' lines for all of it.
     */
    static void assertOutcome(ScenarioUnion union, String congress) {
        JsonNode state = union.anonymous().get("/api/congress/" + congress);
        assertThat(state.path("phase").asText()).isEqualTo("closed");

        // Who is accredited: the four elected delegates' seats, Docks's held by its alternate with Docks's 30 cards.
        List<String> seats = new ArrayList<>();
        for (JsonNode seat : state.path("seats")) {
            seats.add(seat.path("delegate").asText() + " sat by " + seat.path("occupant").asText() + " with " + seat.path("cards").asLong()
                    + (seat.path("present").asBoolean() ? " present" : " absent"));
        }
        assertThat(seats).containsExactlyInAnyOrder(
                union.delegate("Docks") + " sat by " + union.docksAlternate() + " with 30 present",
                union.delegate("Harbour") + " sat by " + union.delegate("Harbour") + " with 20 present",
                union.delegate("Airport") + " sat by " + union.delegate("Airport") + " with 15 present",
                union.delegate("Warehouse") + " sat by " + union.delegate("Warehouse") + " with 8 present");
        assertThat(state.toString()).doesNotContain(union.claimant().toString());

        // The amended motion, carried by cards, each vote with the rule that decided it.
        JsonNode motion = state.path("motions").get(0);
        assertThat(motion.path("title").asText()).isEqualTo(MOTION_TITLE);
        assertThat(motion.path("fate").asText()).isEqualTo("carried");
        assertThat(texts(motion.path("currentText"))).isEqualTo(ADOPTED_TEXT);
        assertThat(motion.path("amendments").get(0).path("fate").asText()).isEqualTo("carried");
        assertThat(state.path("results").findValuesAsText("mode")).containsExactly("card", "card");
        assertThat(texts(state.path("results").findValues("sentence"))).containsExactly(AMENDMENT_RESULT, MOTION_RESULT);

        // The executive, elected by STV under the Scottish rules, with its rounds.
        JsonNode election = state.path("elections").get(0);
        assertThat(election.path("method").asText()).isEqualTo("stv-scottish");
        assertThat(election.path("seats").asInt()).isEqualTo(EXECUTIVE_SEATS);
        assertThat(election.path("ballotPapers").asInt()).isEqualTo(PAPERS.size());
        assertThat(texts(election.path("elected"))).containsExactlyInAnyOrderElementsOf(
                ELECTED.stream().map(name -> union.candidates.get(name).toString()).toList());
        assertThat(election.path("rounds").size()).isGreaterThan(1);
        List<String> ballots = new ArrayList<>();
        for (JsonNode ballot : election.path("ballots")) {
            ballots.add(ballot.path("voter").asText() + " ranked " + texts(ballot.path("ranking")));
        }
        List<String> expected = new ArrayList<>();
        for (int seat = 0; seat < SITTING.size(); seat++) {
            expected.add(union.account(SITTING.get(seat)) + " ranked " + paperIds(union).get(seat));
        }
        assertThat(ballots).containsExactlyInAnyOrderElementsOf(expected);

        // The minutes, written from the record.
        HttpResponse<String> minutes = union.anonymous().getRaw("/api/congress/" + congress + "/minutes", "text/markdown");
        assertThat(minutes.statusCode()).isEqualTo(200);
        assertThat(minutes.body()).contains(minutesLines(union));
    }

    /** Lines the minutes must hold, each a fact the scenario produced. */
    static String[] minutesLines(ScenarioUnion union) {
        String docks = union.name(union.delegate("Docks"));
        String alternate = union.name(union.docksAlternate());
        String harbour = union.name(union.delegate("Harbour"));
        String airport = union.name(union.delegate("Airport"));
        String warehouse = union.name(union.delegate("Warehouse"));
        return new String[] {
                "4 seats entitled, representing 73 members.",
                "| " + docks + " | Docks | 30 | alternate " + alternate + " | yes |",
                "| " + union.name(union.delegate("Warehouse")) + " | Warehouse | 8 | the delegate | yes |",
                "1. " + POLICY_ITEM + " (60 minutes; 3 minutes per speaker)",
                "### Motion: " + MOTION_TITLE,
                "As adopted:\n\n      1  " + ADOPTED_TEXT.get(0) + "\n      2  " + ADOPTED_TEXT.get(1) + "\n      3  " + ADOPTED_TEXT.get(2) + "\n",
                AMENDMENT_RESULT,
                MOTION_RESULT,
                "  - Card vote: " + alternate + " for (30); " + harbour + " against (20); " + airport + " for (15); " + warehouse + " abstained (8)",
                "- Card vote: " + alternate + " for (30); " + harbour + " against (20); " + airport + " against (15); " + warehouse + " for (8)",
                "### national-executive (2 seats, counted by stv-scottish)",
                "- Ballot papers: 4",
                "- " + alternate + " (1): Docks member 10, Harbour member 10\n",
                "- " + airport + " (1): Airport member 10\n",
                "- Elected: " + String.join(", ", ELECTED),
                "- Round 1: first preferences; quota 2.00000; elected Docks member 10",
                "- Round 2: surplus of Docks member 10 (1.00000); quota 2.00000",
                "excluded Harbour member 10",
                "last vacancies filled; quota 2.00000; elected Airport member 10",
        };
    }

    static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
