package org.smolny.web.congress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * A congress run from its pages' forms alone, without JavaScript, on a real server and SQLite file: credentials,
 * agenda, opening, a motion, an amendment, a counter-motion and its signature, an election; refusals shown in the page
 * with their reason; and the minutes, written from the record, as a page and as Markdown.
 */
class CongressFormsTest {

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
    void the_chair_and_the_delegates_run_a_congress_from_the_page_forms_and_refusals_show_their_reason_in_the_page() {
        HttpMember admin = union.signIn("admin");
        HttpMember chair = union.signIn("chair");
        HttpMember docks = union.signIn("docks");
        HttpMember airport = union.signIn("airport");
        HttpMember harbour = union.signIn("harbour");
        String congress = admin.act("convene-congress", HttpMember.JSON.createObjectNode().put("unit", union.national.toString())
                        .put("kind", "regular").put("delegatePost", "congress-delegate").put("chair", union.chair.toString())
                        .put("opensAt", union.now.get().plus(Duration.ofDays(1)).toString()))
                .path("entries").get(0).path("entry").path("body").path("congress").asText();
        String console = "/congress/" + congress + "/chair";
        String hall = "/congress/" + congress;

        assertThat(chair.getRaw(console, "text/html").body()).contains("name=\"mandate\"", "name=\"items\"");
        for (String branch : union.branches.keySet()) {
            HttpMember.assertRedirected(chair.pageAct("accredit-delegate", console, Map.of("mandate", union.delegateMandates.get(branch).toString())), console);
        }
        HttpResponse<String> twice = chair.pageAct("accredit-delegate", console, Map.of("mandate", union.delegateMandates.get("Docks").toString()));
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("role=\"alert\"", "already accredited", "name=\"mandate\"");
        assertThat(chair.pageAct("accredit-delegate", console, Map.of("mandate", "not-a-mandate")).body())
                .contains("role=\"alert\"", "the field 'mandate' is not a valid id");
        union.passDays(1);
        HttpMember.assertRedirected(chair.pageAct("open-congress", console, Map.of()), console);
        HttpResponse<String> badAgenda = chair.pageAct("adopt-agenda", console, Map.of("items", "Policy, sixty minutes"));
        assertThat(badAgenda.statusCode()).isEqualTo(400);
        assertThat(badAgenda.body()).contains("agenda line 1 must read");
        long size = union.recordSize();
        assertThat(chair.pageAct("adopt-agenda", console, Map.of("items", "Policy | sixty | 3")).body()).contains("whole number");
        assertThat(union.recordSize()).isEqualTo(size);
        HttpMember.assertRedirected(chair.pageAct("adopt-agenda", console, Map.of("items", "Policy on the working week | 60 | 3\nElection of the executive | 30 | 2")), console);
        HttpMember.assertRedirected(chair.pageAct("take-item", console, Map.of("item", "1")), console);

        String hallPage = docks.getRaw(hall, "text/html").body();
        assertThat(hallPage).contains("action=\"/congress/" + congress + "/act/table-motion\"", "<label for=\"motion-title\">");
        HttpMember.assertRedirected(docks.pageAct("table-motion", hall, Map.of("item", "1", "title", "A 35-hour week", "decision", "ordinary",
                "text", "Congress notes that overtime is unpaid.\r\nCongress believes the working week should be 35 hours.")), hall);
        String motion = union.anonymous().get("/api/congress/" + congress).path("motions").get(0).path("id").asText();
        HttpMember.assertRedirected(airport.pageAct("move-amendment", hall, Map.of("motion", motion, "edit.kind", "replace", "edit.from", "2",
                "edit.to", "2", "edit.lines", "Congress believes the working week should be 32 hours.")), hall);
        HttpResponse<String> outOfRange = airport.pageAct("move-amendment", hall, Map.of("motion", motion, "edit.kind", "replace",
                "edit.from", "7", "edit.to", "9", "edit.lines", "Nothing."));
        assertThat(outOfRange.statusCode()).isBetween(400, 422);
        assertThat(outOfRange.body()).contains("role=\"alert\"");
        HttpMember.assertRedirected(harbour.pageAct("publish-platform", hall, Map.of("kind", "counter-motion", "answers", motion,
                "title", "Reject the wage deal", "text", "Congress rejects any deal that trades hours for pay.",
                "signatories", union.delegate("Harbour").toString())), hall);
        JsonNode state = union.anonymous().get("/api/congress/" + congress);
        String platform = state.path("motions").get(0).path("beside").get(0).path("id").asText();
        assertThat(docks.getRaw(hall, "text/html").body()).contains("name=\"platform\" value=\"" + platform + "\"");
        HttpMember.assertRedirected(docks.pageAct("sign-platform", hall, Map.of("platform", platform)), hall);

        state = union.anonymous().get("/api/congress/" + congress);
        JsonNode tabled = state.path("motions").get(0);
        assertThat(tabled.path("text")).hasSize(2);
        assertThat(tabled.path("amendments").get(0).path("edit").asText()).contains("32 hours");
        assertThat(tabled.path("beside").get(0).path("signatories")).hasSize(2);
        // Names, not id suffixes: the mover of the motion as the person table has them.
        assertThat(union.anonymous().getRaw(hall, "text/html").body()).contains("Moved by " + union.name(union.delegate("Docks")), "(Moved by " + union.name(union.delegate("Airport")) + ")");
    }

    @Test
    void the_chair_elects_a_body_from_the_console_form_with_the_ballot_papers_one_a_line() {
        String congress = union.openCongressWithMotion();
        String executive = union.scheduleElection("national-executive", 2);
        HttpMember chair = union.signIn("chair");
        String console = "/congress/" + congress + "/chair";
        List<MemberId> harbour = union.members.get("Harbour");
        String left = harbour.get(10).toString();
        String centre = harbour.get(11).toString();
        String minority = union.members.get("Airport").get(6).toString();
        assertThat(chair.getRaw(console, "text/html").body()).contains("name=\"ballots\"", "name=\"candidates\"");
        HttpMember.assertRedirected(chair.pageAct("elect-body", console, Map.of("election", executive, "method", "stv-scottish",
                "candidates", left + "\n" + centre + "\n" + minority,
                "ballots", left + ", " + centre + "\n" + left + "\n" + minority + ", " + left + "\n" + minority)), console);
        JsonNode elected = union.anonymous().get("/api/congress/" + congress).path("elections").get(0).path("elected");
        assertThat(List.of(elected.get(0).asText(), elected.get(1).asText())).containsExactlyInAnyOrder(left, minority);
        assertThat(union.anonymous().getRaw("/congress/" + congress, "text/html").body())
                .contains(union.name(MemberId.parse(left)), union.name(MemberId.parse(minority)));
    }
}
