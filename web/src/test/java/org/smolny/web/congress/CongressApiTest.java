package org.smolny.web.congress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.council.member.MemberId;

/**
 * A whole congress through the HTTP API of a real server on a real SQLite file: credentials, an amended motion passed
 * by card vote, a minority's counter-motion that the majority cannot remove (drill D8), an STV election of the
 * executive, and the pages showing it.
 */
class CongressApiTest {

    @TempDir
    Path folder;
    private CongressServer union;

    @BeforeEach
    void start() {
        union = new CongressServer(folder);
    }

    @AfterEach
    void stop() {
        union.close();
    }

    @Test
    void a_congress_passes_an_amended_motion_by_card_vote_keeps_the_minority_counter_motion_and_elects_its_executive_by_stv() {
        HttpMember admin = union.signIn("admin");
        HttpMember chair = union.signIn("chair");
        HttpMember docks = union.signIn("docks");
        HttpMember harbour = union.signIn("harbour");
        HttpMember airport = union.signIn("airport");
        HttpMember warehouse = union.signIn("warehouse");
        String executive = union.scheduleElection("national-executive", 2);

        JsonNode convened = admin.act("convene-congress", HttpMember.JSON.createObjectNode().put("unit", union.national.toString())
                .put("kind", "regular").put("delegatePost", "congress-delegate").put("chair", union.chair.toString())
                .put("opensAt", union.now.get().plus(Duration.ofDays(7)).toString()));
        String congress = convened.path("entries").get(0).path("entry").path("body").path("congress").asText();
        assertThat(convened.path("entries").get(0).path("type").asText()).isEqualTo("congress.convened");

        // Credentials: the chair accredits each delegate by the mandate on the record; a delegate cannot accredit.
        docks.refused("accredit-delegate", CongressServer.on(congress).put("mandate", union.delegateMandates.get("Docks").toString()), 403);
        for (String branch : union.branches.keySet()) {
            JsonNode accredited = chair.act("accredit-delegate", CongressServer.on(congress).put("mandate", union.delegateMandates.get(branch).toString()));
            assertThat(accredited.path("entries").get(0).path("type").asText()).isEqualTo("delegate.accredited");
        }
        assertThat(chair.refused("accredit-delegate", CongressServer.on(congress).put("mandate", union.delegateMandates.get("Docks").toString()), 422)
                .path("detail").asText()).contains("already accredited");
        union.passDays(7);
        chair.act("open-congress", CongressServer.on(congress));
        ObjectNode agenda = CongressServer.on(congress);
        agenda.putArray("items").add(HttpMember.JSON.createObjectNode().put("title", "Policy on the working week").put("minutes", 60).put("speakingMinutes", 3))
                .add(HttpMember.JSON.createObjectNode().put("title", "Election of the national executive").put("minutes", 30).put("speakingMinutes", 2));
        chair.act("adopt-agenda", agenda);
        chair.act("take-item", CongressServer.on(congress).put("item", 1));

        ObjectNode table = CongressServer.on(congress).put("item", 1).put("title", "A 35-hour week").put("decision", "ordinary");
        table.putArray("text").add("Congress notes that overtime is unpaid in many depots.")
                .add("Congress believes the working week should be 35 hours.").add("Congress instructs the executive to open negotiations.");
        String motion = docks.act("table-motion", table).path("entries").get(0).path("entry").path("body").path("motion").asText();
        ObjectNode amend = CongressServer.on(congress).put("motion", motion);
        amend.putObject("edit").put("kind", "replace").put("from", 2).put("to", 2)
                .putArray("lines").add("Congress believes the working week should be 32 hours, with no loss of pay.");
        String amendment = airport.act("move-amendment", amend).path("entries").get(0).path("entry").path("body").path("amendment").asText();
        ObjectNode counter = CongressServer.on(congress).put("kind", "counter-motion").put("answers", motion).put("title", "Reject the wage deal");
        counter.putArray("text").add("Congress rejects any deal that trades hours for pay.");
        counter.putArray("signatories").add(union.delegate("Harbour").toString());
        String platform = harbour.act("publish-platform", counter).path("entries").get(0).path("entry").path("body").path("platform").asText();

        docks.act("ask-to-speak", CongressServer.on(congress).put("side", "for"));
        harbour.act("ask-to-speak", CongressServer.on(congress).put("side", "against"));
        chair.act("call-next-speaker", CongressServer.on(congress));
        assertThat(union.anonymous().get("/api/congress/" + congress).path("speaker").path("member").asText())
                .isEqualTo(union.delegate("Docks").toString());

        // The motion cannot be voted before its amendment; the amendment is carried by cards (45 for, 20 against, 8 abstaining).
        assertThat(chair.refused("open-vote", CongressServer.on(congress).put("motion", motion).put("mode", "card"), 422).path("detail").asText())
                .contains("amendments are voted before the motion", "32 hours");
        chair.act("open-vote", CongressServer.on(congress).put("motion", motion).put("amendment", amendment).put("mode", "card"));
        vote(Map.of(docks, "for", airport, "for", harbour, "against", warehouse, "abstain"), congress);
        JsonNode closed = chair.act("close-vote", CongressServer.on(congress));
        assertThat(closed.findValuesAsText("type")).contains("vote.closed");
        chair.act("open-vote", CongressServer.on(congress).put("motion", motion).put("mode", "card"));
        vote(Map.of(docks, "for", warehouse, "for", harbour, "against", airport, "against"), congress);
        chair.act("close-vote", CongressServer.on(congress));

        // Drill D8: the majority's delegate and the chair try to remove the counter-motion; both are refused, nothing is written.
        long size = union.recordSize();
        JsonNode refusal = docks.refused("remove-platform", CongressServer.on(congress).put("platform", platform)
                .put("reason", "the majority voted to remove it"), 422);
        assertThat(refusal.path("detail").asText()).contains("'Reject the wage deal' stays on the record").contains("tendency rights");
        chair.refused("remove-platform", CongressServer.on(congress).put("platform", platform).put("reason", "off topic"), 422);
        assertThat(union.recordSize()).isEqualTo(size);

        chair.act("take-item", CongressServer.on(congress).put("item", 2));
        List<MemberId> harbourMembers = union.members.get("Harbour");
        String left = harbourMembers.get(10).toString();
        String centre = harbourMembers.get(11).toString();
        String right = harbourMembers.get(12).toString();
        String minority = union.members.get("Airport").get(6).toString();
        ObjectNode elect = CongressServer.on(congress).put("election", executive).put("method", "stv-scottish");
        elect.putArray("candidates").add(left).add(centre).add(right).add(minority);
        var ballots = elect.putArray("ballots");
        ballots.addArray().add(left).add(centre).add(right);
        ballots.addArray().add(left).add(right).add(centre);
        ballots.addArray().add(minority).add(left);
        ballots.addArray().add(minority);
        JsonNode elected = chair.act("elect-body", elect);
        assertThat(elected.findValuesAsText("type")).contains("body.elected", "mandate.conferred");
        chair.act("close-congress", CongressServer.on(congress));

        JsonNode state = union.anonymous().get("/api/congress/" + congress);
        assertThat(state.path("phase").asText()).isEqualTo("closed");
        JsonNode adopted = state.path("motions").get(0);
        assertThat(adopted.path("fate").asText()).isEqualTo("carried");
        assertThat(adopted.path("currentText").get(1).asText()).isEqualTo("Congress believes the working week should be 32 hours, with no loss of pay.");
        assertThat(adopted.path("amendments").get(0).path("fate").asText()).isEqualTo("carried");
        assertThat(adopted.path("beside").get(0).path("title").asText()).isEqualTo("Reject the wage deal");
        assertThat(state.path("results").get(0).path("sentence").asText()).startsWith("Carried: 45 for, 20 against, 8 abstaining");
        assertThat(state.path("results").get(1).path("sentence").asText())
                .startsWith("Carried: 38 for, 35 against, 0 abstaining; the rule is a simple majority");
        assertThat(state.path("elections").get(0).path("elected").findValuesAsText("elected")).isEmpty();
        assertThat(List.of(state.path("elections").get(0).path("elected").get(0).asText(), state.path("elections").get(0).path("elected").get(1).asText()))
                .containsExactlyInAnyOrder(left, minority);

        // The hall shows the counter-motion beside the motion, and the projector the result, to anyone.
        HttpResponse<String> hall = union.anonymous().getRaw("/congress/" + congress, "text/html");
        assertThat(hall.statusCode()).isEqualTo(200);
        assertThat(hall.body()).contains("Reject the wage deal", "Congress rejects any deal that trades hours for pay.",
                "class=\"congress-beside\"", "32 hours, with no loss of pay.");
        assertThat(union.anonymous().getRaw("/congress/" + congress + "/projector", "text/html").body()).contains("Carried: 38 for, 35 against",
                "/congress/" + congress + "/minutes");

        // The minutes, written from the record: attendance, the amended motion with the rule that decided it, the
        // election and the minority's counter-motion; members named from the person table, by their id once erased.
        String docksName = union.council.person(union.delegate("Docks")).orElseThrow().name();
        String leftName = union.council.person(MemberId.parse(left)).orElseThrow().name();
        HttpResponse<String> markdown = union.anonymous().getRaw("/api/congress/" + congress + "/minutes", "text/markdown");
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
        assertThat(markdown.body()).contains("## Attendance", docksName, "### Motion: A 35-hour week",
                "Congress believes the working week should be 32 hours, with no loss of pay.",
                "Carried: 38 for, 35 against, 0 abstaining; the rule is a simple majority", "## Elections", leftName,
                "Reject the wage deal", "Congress rejects any deal that trades hours for pay.");
        HttpResponse<String> page = union.anonymous().getRaw("/congress/" + congress + "/minutes", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h2>Attendance</h2>", "<table class=\"minutes-table\">", docksName,
                "the rule is a simple majority", "Reject the wage deal");
        assertThat(union.anonymous().getRaw("/congress/" + congress, "text/html").body()).contains("/congress/" + congress + "/minutes");
        assertThat(union.council.erase(union.delegate("Docks"))).isTrue();
        assertThat(union.anonymous().getRaw("/api/congress/" + congress + "/minutes", "text/markdown").body())
                .doesNotContain(docksName).contains(union.delegate("Docks").toString());
        assertThat(union.anonymous().getRaw("/api/congress/" + unknownCongress() + "/minutes", "text/markdown").statusCode()).isEqualTo(404);
    }

    private static String unknownCongress() {
        return "019ab000-0000-7000-8000-000000000000";
    }

    @Test
    void a_delegate_votes_from_the_hall_form_and_the_chair_closes_from_the_console_without_javascript() {
        String congress = union.openCongressWithMotion();
        HttpMember chair = union.signIn("chair");
        HttpMember docks = union.signIn("docks");
        String motion = union.anonymous().get("/api/congress/" + congress).path("motions").get(0).path("id").asText();
        HttpResponse<String> opened = chair.form("/congress/" + congress + "/act/open-vote",
                "motion=" + motion + "&mode=named&back=/congress/" + congress + "/chair", true);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location")).contains("/congress/" + congress + "/chair");
        assertThat(docks.getRaw("/congress/" + congress, "text/html").body()).contains("name=\"position\" value=\"for\"");
        HttpResponse<String> voted = docks.form("/congress/" + congress + "/act/cast-vote", "position=for&back=/congress/" + congress, true);
        assertThat(voted.statusCode()).isEqualTo(303);
        assertThat(docks.getRaw("/congress/" + congress, "text/html").body()).contains("Your seat has voted").doesNotContain("name=\"position\"");
        assertThat(chair.form("/congress/" + congress + "/act/close-vote", "back=https://elsewhere.example/", true).headers()
                .firstValue("Location")).contains("/congress");
        assertThat(docks.getRaw("/congress/" + congress, "text/html").body()).contains("Carried: 1 for, 0 against, 0 abstaining");
    }

    @Test
    void refused_unauthorised_and_malformed_acts_answer_with_a_problem_and_write_nothing() {
        String congress = union.openCongressWithMotion();
        HttpMember chair = union.signIn("chair");
        HttpMember docks = union.signIn("docks");
        HttpMember member = union.signIn("member");
        long size = union.recordSize();

        HttpMember.problem(union.anonymous().post("/api/congress/cast-vote", CongressServer.on(congress).put("position", "for")), 401);
        HttpMember.problem(docks.postRaw("/api/congress/cast-vote", CongressServer.on(congress).put("position", "for").toString(), false), 403);
        assertThat(member.refused("ask-to-speak", CongressServer.on(congress).put("side", "for"), 403).path("detail").asText())
                .contains("sitting at the congress");
        assertThat(docks.refused("close-vote", CongressServer.on(congress), 403).path("detail").asText()).contains("chair");
        assertThat(docks.refused("cast-vote", CongressServer.on(congress).put("position", "maybe"), 400).path("detail").asText())
                .contains("'position'").contains("'for', 'against', 'abstain'");
        assertThat(docks.refused("cast-vote", CongressServer.on(congress).put("position", "for").put("weight", 99), 400).path("detail").asText())
                .contains("no field 'weight'");
        assertThat(docks.refused("cast-vote", HttpMember.JSON.createObjectNode().put("position", "for"), 400).path("detail").asText())
                .contains("'congress' is missing");
        assertThat(docks.refused("cast-vote", CongressServer.on("not-an-id").put("position", "for"), 400).path("detail").asText())
                .contains("'congress'");
        HttpMember.problem(docks.postRaw("/api/congress/cast-vote", "{\"congress\": ", true), 400);
        HttpMember.problem(docks.postRaw("/api/congress/cast-vote", "[1, 2]", true), 400);
        ObjectNode badText = CongressServer.on(congress).put("item", 1).put("title", "Empty").put("decision", "ordinary");
        badText.putArray("text");
        assertThat(docks.refused("table-motion", badText, 400).path("detail").asText()).contains("at least one line");
        ObjectNode badDecision = CongressServer.on(congress).put("item", 1).put("title", "T").put("decision", "coup");
        badDecision.putArray("text").add("line");
        assertThat(docks.refused("table-motion", badDecision, 400).path("detail").asText()).contains("'decision'").contains("'ordinary'");
        String unknown = "019ab000-0000-7000-8000-000000000000";
        assertThat(docks.refused("cast-vote", CongressServer.on(unknown).put("position", "for"), 404).path("detail").asText())
                .contains("no congress");
        assertThat(docks.refused("cast-vote", CongressServer.on(congress).put("position", "for"), 422).path("detail").asText())
                .isNotBlank();
        assertThat(chair.refused("take-item", CongressServer.on(congress).put("item", 9), 422).path("detail").asText()).isNotBlank();
        HttpResponse<String> formWithoutToken = docks.form("/congress/" + congress + "/act/ask-to-speak", "side=for", false);
        assertThat(formWithoutToken.statusCode()).isEqualTo(403);
        assertThat(formWithoutToken.body()).contains("CSRF");
        assertThat(union.anonymous().getRaw("/api/congress/" + unknown, "application/json").statusCode()).isEqualTo(404);
        assertThat(union.anonymous().getRaw("/api/congress/nonsense", "application/json").statusCode()).isEqualTo(400);

        assertThat(union.recordSize()).isEqualTo(size);
        assertThat(union.anonymous().get("/api/congress/" + congress).path("waiting")).isEmpty();
    }

    @Test
    void the_openapi_document_describes_every_congress_act() {
        JsonNode paths = union.anonymous().get("/api/openapi.json").path("paths");
        for (CongressActs.Act act : new CongressActs().all()) {
            assertThat(paths.has("/api/congress/" + act.name())).as(act.name()).isTrue();
            assertThat(paths.path("/api/congress/" + act.name()).path("post").isMissingNode()).as(act.name()).isFalse();
        }
        assertThat(paths.has("/api/congress/{congress}")).isTrue();
        assertThat(paths.path("/api/congress/{congress}/minutes").path("get").path("responses").path("200").path("content").has("text/markdown"))
                .isTrue();
    }

    private void vote(Map<HttpMember, String> votes, String congress) {
        votes.forEach((delegate, position) -> delegate.act("cast-vote", CongressServer.on(congress).put("position", position)));
    }
}
