package org.smolny.web.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.TrackingCode;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.web.WebServer;
import org.smolny.web.WebSettings;
import org.smolny.web.support.Http;

class BallotPagesTest {

    @TempDir
    static Path folder;
    private static TestElection test;
    private static RecordStore record;
    private static WebServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        test = TestElection.create("branch-2026", 3);
        record = RecordStore.open(StoreConfig.sqlite(folder.resolve("record.db")));
        BallotBox box = new BallotBox(test.election, record, "Demo Union", Clock.systemUTC());
        server = WebServer.start(new WebSettings("127.0.0.1", 0, "Demo Union"), List.of(new BallotPages(List.of(box))));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        record.close();
    }

    private static HttpResponse<String> post(String path, String body) {
        return http.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return TestElection.JSON.readTree(response.body());
    }

    @Test
    void the_election_api_gives_the_device_the_canonical_manifest_and_the_election_key() throws Exception {
        JsonNode election = json(http.get("/api/ballot/branch-2026"));

        assertThat(election.path("manifest").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(test.election.manifest().canonicalJson());
        assertThat(election.path("manifestHash").asText()).isEqualTo(Bytes.hex(test.election.manifest().hash().bytes()));
        assertThat(election.path("electionKey").asText()).isEqualTo(test.keyHex());
        assertThat(election.path("firstTrackingCode").asText()).isEqualTo(TrackingCode.start(test.election.manifest().hash()).hex());
    }

    @Test
    void the_ballot_page_lists_every_open_election_with_its_vote_and_board_links() {
        String page = http.get("/ballot", "text/html", "en").body();

        assertThat(page).contains("Secret ballots", "Branch election branch-2026", "href=\"/ballot/branch-2026\"",
                "href=\"/ballot/branch-2026/board\"");
        assertThat(http.get("/ballot", "text/html", "fr").body()).contains("Scrutins secrets", "Voter");
    }

    @Test
    void the_voting_page_shows_every_contest_with_its_rule_and_sends_nothing_without_the_script() {
        String page = http.get("/ballot/branch-2026", "text/html", "en").body();

        assertThat(page).contains("Branch election branch-2026", "Chair", "Ada", "Bea", "Cy", "Motion: strike on Monday",
                "Mark exactly 1.", "Mark at most 1.", "type=\"radio\"", "type=\"checkbox\"", "/static/ballot/vote.mjs");
        assertThat(page).doesNotContain("<form");
        assertThat(http.get("/ballot/branch-2026", "text/html", "fr").body()).contains("Chiffrer mon bulletin", "Cochez exactement 1 case(s).");
    }

    @Test
    void a_cast_ballot_gets_its_tracking_code_and_is_found_on_the_board_page() throws Exception {
        BallotEncryptor.Encrypted encrypted = test.encrypt(0, List.of(List.of(0L, 1L, 0L), List.of(1L)));

        HttpResponse<String> response = post("/api/ballot/branch-2026/cast", test.json(encrypted.ballot()).toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode answer = json(response);
        String code = answer.path("trackingCode").asText();
        TrackingCode previous = TrackingCode.ofHex(answer.path("previousTrackingCode").asText());
        assertThat(code).isEqualTo(previous.next(encrypted.ballot().hash(test.election.manifest().hash())).hex());
        String board = http.get("/ballot/branch-2026/board?code=" + code, "text/html", "en").body();
        assertThat(board).contains("Your tracking code is on the board.", "data-entry=\"" + code + "\"");
        JsonNode api = json(http.get("/api/ballot/branch-2026/board"));
        assertThat(api.path("entries").findValuesAsText("trackingCode")).contains(code);
    }

    @Test
    void a_tracking_code_that_is_not_on_the_board_is_reported_missing() {
        String board = http.get("/ballot/branch-2026/board?code=" + "ab".repeat(32), "text/html", "en").body();

        assertThat(board).contains("This tracking code is not on the board.");
        assertThat(http.get("/ballot/branch-2026/board?code=nonsense", "text/html", "en").statusCode()).isEqualTo(400);
    }

    @Test
    void a_challenged_ballot_is_shown_opened_on_the_board() throws Exception {
        BallotEncryptor.Encrypted encrypted = test.encrypt(1, List.of(List.of(0L, 0L, 1L), List.of(0L)));
        ObjectNode body = TestElection.JSON.createObjectNode();
        body.set("ballot", test.json(encrypted.ballot()));
        body.set("reveal", new RecordCodec(TestElection.GROUP).boardEntry(new BoardEntry.Challenged(encrypted.ballot(),
                encrypted.opening(), TrackingCode.start(test.election.manifest().hash()))).path("reveal"));

        HttpResponse<String> response = post("/api/ballot/branch-2026/challenge", body.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String code = json(response).path("trackingCode").asText();
        String board = http.get("/ballot/branch-2026/board?code=" + code, "text/html", "en").body();
        assertThat(board).contains("a challenged ballot (opened, not counted)", "Chair: Cy", "Motion: strike on Monday: no mark");
    }

    @Test
    void a_ballot_with_a_broken_proof_is_refused_with_the_reason_and_nothing_is_written() throws Exception {
        long before = record.size();
        ObjectNode ballot = test.json(test.encrypt(2, List.of(List.of(1L, 0L, 0L), List.of(0L))).ballot());
        ObjectNode branch = (ObjectNode) ballot.path("contests").path(1).path("selections").path(0).path("proof").path(0);
        String v = branch.path("v").asText();
        branch.put("v", v.substring(0, 63) + (v.charAt(63) == '0' ? '1' : '0'));

        HttpResponse<String> response = post("/api/ballot/branch-2026/cast", ballot.toString());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).path("type").asText()).isEqualTo("/problems/ballot-refused");
        assertThat(json(response).path("detail").asText()).contains("The ballot was refused", "signature");
        assertThat(record.size()).isEqualTo(before);
    }

    @Test
    void a_body_that_is_not_json_and_an_unknown_election_are_problems() throws Exception {
        assertThat(post("/api/ballot/branch-2026/cast", "not json").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = post("/api/ballot/no-such-vote/cast", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("detail").asText()).contains("no-such-vote");
        assertThat(http.get("/ballot/no-such-vote", "text/html", "en").statusCode()).isEqualTo(404);
    }

    @Test
    void the_ballot_endpoints_are_described_in_the_openapi_document() throws Exception {
        JsonNode paths = json(http.get("/api/openapi.json")).path("paths");

        assertThat(paths.path("/api/ballot/{election}").has("get")).isTrue();
        assertThat(paths.path("/api/ballot/{election}/board").has("get")).isTrue();
        assertThat(paths.path("/api/ballot/{election}/cast").has("post")).isTrue();
        assertThat(paths.path("/api/ballot/{election}/challenge").has("post")).isTrue();
        assertThat(paths.path("/ballot/{election}/board.jsonl").has("get")).isTrue();
    }

    @Test
    void the_whole_board_downloads_live_as_board_jsonl_and_replays_on_a_fresh_board_with_the_same_tracking_codes() throws Exception {
        BallotEncryptor.Encrypted encrypted = test.encrypt(2, List.of(List.of(1L, 0L, 0L), List.of(1L)));
        HttpResponse<String> cast = post("/api/ballot/branch-2026/cast", test.json(encrypted.ballot()).toString());
        assertThat(cast.statusCode()).as(cast.body()).isEqualTo(201);
        String code = json(cast).path("trackingCode").asText();

        HttpResponse<String> download = http.get("/ballot/branch-2026/board.jsonl");

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/jsonl");
        List<String> lines = download.body().lines().toList();
        assertThat(download.headers().firstValue("X-Board-Size")).contains(Integer.toString(lines.size()));
        org.smolny.ballot.record.ElectionRecordFiles files = new org.smolny.ballot.record.ElectionRecordFiles(folder, TestElection.GROUP);
        org.smolny.ballot.tally.BallotBoard fresh = new org.smolny.ballot.tally.BallotBoard(test.election.proofContext(),
                test.election.manifest(), test.election.key(), test.election.credentials());
        for (int i = 0; i < lines.size(); i++) {
            BoardEntry entry = files.parseBoardLine(lines.get(i), i + 1);
            org.smolny.ballot.tally.Submission replayed = switch (entry) {
                case BoardEntry.Cast c -> fresh.cast(c.ballot());
                case BoardEntry.Challenged c -> fresh.challenge(c.ballot(), c.reveal());
            };
            assertThat(replayed).as("line " + (i + 1)).isEqualTo(new org.smolny.ballot.tally.Submission.Accepted(entry.trackingCode()));
        }
        assertThat(fresh.entries()).extracting(e -> e.trackingCode().hex()).contains(code);
        JsonNode api = json(http.get("/api/ballot/branch-2026/board?from=0&count=100"));
        assertThat(api.path("entries").findValuesAsText("trackingCode"))
                .containsExactlyElementsOf(fresh.entries().stream().map(e -> e.trackingCode().hex()).toList());
        assertThat(http.get("/ballot/no-such-vote/board.jsonl").statusCode()).isEqualTo(404);
    }
}
