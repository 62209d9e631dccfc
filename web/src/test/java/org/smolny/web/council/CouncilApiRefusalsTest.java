package org.smolny.web.council;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smolny.web.council.CouncilServer.JSON;

/** Every endpoint refuses bad input and unauthorised attempts with a 4xx problem that says why, and writes nothing. */
class CouncilApiRefusalsTest {

    @TempDir
    static Path folder;
    private static CouncilServer union;
    private static Client member;
    private static String memberId;

    @BeforeAll
    static void start() {
        union = new CouncilServer(folder).founded();
        memberId = union.admit(union.docks);
        member = union.member(memberId);
    }

    @AfterAll
    static void stop() {
        union.close();
    }

    private static List<String> actionPaths() {
        List<String> paths = new ArrayList<>();
        new CommandCatalog().all().forEach(spec -> paths.add("/api/council/" + spec.name()));
        paths.add("/api/council/admit-member");
        paths.add("/api/council/accounts");
        return paths;
    }

    @Test
    void every_action_refuses_an_anonymous_request_with_401_and_writes_nothing() {
        long size = union.store.size();
        Client anonymous = union.client();
        for (String path : actionPaths()) {
            JsonNode problem = anonymous.problem(path, JSON.createObjectNode(), 401);
            assertThat(problem.path("detail").asText()).as(path).startsWith("Sign in first");
        }
        assertThat(union.store.size()).isEqualTo(size);
    }

    @Test
    void every_action_refuses_a_request_without_the_sessions_csrf_token_with_403_and_writes_nothing() {
        long size = union.store.size();
        for (String path : actionPaths()) {
            JsonNode problem = Client.problem(member.postRaw(path, "{}", false), 403);
            assertThat(problem.path("detail").asText()).as(path).contains("CSRF token");
        }
        assertThat(union.store.size()).isEqualTo(size);
    }

    @Test
    void every_action_refuses_a_body_that_is_not_its_json_with_400_naming_what_is_wrong() {
        long size = union.store.size();
        for (String path : actionPaths()) {
            JsonNode notJson = Client.problem(union.admin.postRaw(path, "{\"unit\": ", true), 400);
            assertThat(notJson.path("detail").asText()).as(path).startsWith("The request body is not valid: the body is not JSON");
            JsonNode array = Client.problem(union.admin.postRaw(path, "[1, 2]", true), 400);
            assertThat(array.path("detail").asText()).as(path).contains("must be a JSON object");
            JsonNode unknown = union.admin.problem(path, JSON.createObjectNode().put("bogus", 1), 400);
            assertThat(unknown.path("detail").asText()).as(path).containsAnyOf("the field '", "there is no field 'bogus'", "send ");
        }
        assertThat(union.store.size()).isEqualTo(size);
    }

    @Test
    void a_field_of_the_wrong_kind_is_named_in_the_refusal() {
        long size = union.store.size();
        JsonNode badId = member.problem("/api/council/sign-recall-petition", JSON.createObjectNode().put("petition", "not-an-id"), 400);
        assertThat(badId.path("detail").asText()).contains("the field 'petition'");
        JsonNode badVote = union.admin.problem("/api/council/admit-member", JSON.createObjectNode().put("unit", union.docks)
                .put("name", "Zed").set("unitVote", CouncilServer.vote(10, 12, 1, 0, 0)), 400);
        assertThat(badVote.path("detail").asText()).contains("more present (12) than entitled to vote (10)");
        JsonNode badPosition = union.admin.problem("/api/council/record-delegate-vote", JSON.createObjectNode()
                .put("mandate", "019b8d62-7a80-7f20-b238-f66a670e8dd1").put("motion", "019b8d62-7a80-7f20-b238-f66a670e8dd2")
                .put("position", "maybe"), 400);
        assertThat(badPosition.path("detail").asText()).contains("the field 'position'").contains("for, against, abstain");
        JsonNode partialVote = union.admin.problem("/api/council/admit-member", JSON.createObjectNode().put("unit", union.docks)
                .put("name", "Zed").set("unitVote", JSON.createObjectNode().put("entitled", 10)), 400);
        assertThat(partialVote.path("detail").asText()).contains("unitVote").contains("present");
        ObjectNode hold = JSON.createObjectNode().put("election", "019b8d62-7a80-7f20-b238-f66a670e8dd3");
        hold.putArray("ballots").addNull();
        JsonNode nullBallot = union.admin.problem("/api/council/hold-open-election", hold, 400);
        assertThat(nullBallot.path("detail").asText()).contains("the field 'ballots[0]' is null");
        ObjectNode nested = JSON.createObjectNode().put("election", "019b8d62-7a80-7f20-b238-f66a670e8dd3");
        nested.putArray("ballots").addObject().put("voter", memberId).putArray("candidates").addNull();
        JsonNode nullCandidate = union.admin.problem("/api/council/hold-open-election", nested, 400);
        assertThat(nullCandidate.path("detail").asText()).contains("the field 'ballots[0].candidates[0]' is null");
        assertThat(union.store.size()).isEqualTo(size);
    }

    @Test
    void a_member_cannot_act_as_an_officer_nor_as_the_administrator() {
        long size = union.store.size();
        JsonNode admission = member.problem("/api/council/admit-member", JSON.createObjectNode().put("unit", union.docks)
                .put("name", "Zed").set("unitVote", CouncilServer.unanimous(12)), 403);
        assertThat(admission.path("detail").asText()).isEqualTo("Only an officer of unit " + union.docks + " (holding a mandate there) may admit-member.");
        JsonNode founding = member.problem("/api/council/found-unit", JSON.createObjectNode().put("unitType", "branch")
                .put("parent", union.north).put("name", "Rogue branch"), 403);
        assertThat(founding.path("detail").asText()).isEqualTo("Only an administrator may found-unit.");
        JsonNode elsewhere = member.problem("/api/council/open-convening-petition", JSON.createObjectNode()
                .put("body", "branch-meeting").put("unit", union.harbour), 403);
        assertThat(elsewhere.path("detail").asText()).startsWith("You act only in your own units");
        member.problem("/api/council/accounts", JSON.createObjectNode().put("login", "intruder").put("password", "long enough password")
                .put("administrator", true), 403);
        assertThat(union.store.size()).isEqualTo(size);
    }

    @Test
    void the_members_list_with_names_is_for_the_units_officers_only() {
        Client.problem(union.client().getRaw("/api/council/units/" + union.docks + "/members"), 401);
        Client.problem(member.getRaw("/api/council/units/" + union.docks + "/members"), 403);
        Client.problem(member.getRaw("/api/council/units/not-a-unit/members"), 400);
        assertThat(union.admin.get("/api/council/units/" + union.docks + "/members").findValuesAsText("name")).contains("Member 1");
        Client.problem(union.client().getRaw("/api/council/mandates?unit=nonsense"), 400);
        Client.problem(union.client().getRaw("/api/council/mandates/019b8d62-7a80-7f20-b238-f66a670e8dd1/votes"), 404);
    }

    @Test
    void sign_in_refuses_a_wrong_password_and_sets_a_cookie_that_scripts_and_other_sites_cannot_use() throws Exception {
        Client stranger = union.client();
        HttpResponse<String> wrong = stranger.postRaw("/api/session", "{\"login\":\"admin\",\"password\":\"wrong password!\"}", false);
        assertThat(Client.problem(wrong, 401).path("detail").asText()).isEqualTo("The login or the password is wrong.");

        HttpResponse<String> behindTls = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + union.server.port() + "/api/session"))
                .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"admin\",\"password\":\"" + CouncilServer.PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = behindTls.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("smolny_session=").contains("HttpOnly").contains("SameSite=Strict").contains("Secure");
        assertThat(Client.json(behindTls).path("csrfToken").asText()).hasSizeGreaterThan(40);
    }

    @Test
    void the_openapi_document_describes_every_council_action_with_its_request_body() {
        JsonNode paths = union.client().get("/api/openapi.json").path("paths");
        for (String path : actionPaths()) {
            assertThat(paths.path(path).path("post").path("responses").has("422")).as(path).isTrue();
        }
        JsonNode sign = paths.path("/api/council/sign-recall-petition").path("post").path("requestBody").path("content")
                .path("application/json").path("schema");
        assertThat(sign.path("properties").path("petition").path("format").asText()).isEqualTo("uuid");
        assertThat(sign.path("required").toString()).isEqualTo("[\"petition\"]");
        assertThat(paths.path("/api/council/mandates/{mandate}/votes").has("get")).isTrue();
    }
}
