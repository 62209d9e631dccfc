package org.smolny.web.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smolny.web.WebServer;
import org.smolny.web.WebSettings;
import org.smolny.web.support.Http;
import org.smolny.web.support.MemoryRecord;

class RecordPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIGNED = 40;
    private static final int TOTAL = 45;
    private static MemoryRecord record;
    private static WebServer server;
    private static Http http;

    static String entry(int i) {
        return "{\"at\":\"2026-11-27T10:" + String.format("%02d", i % 60) + ":00Z\",\"body\":{\"member\":\"m-" + i
                + "\"},\"by\":null,\"org\":\"demo\",\"type\":\"member.admitted\",\"unit\":\"branch-1\",\"v\":1}";
    }

    @BeforeAll
    static void start() {
        record = new MemoryRecord("demo.smolny.test/record", "leith-branch", "dundee-branch");
        for (int i = 0; i < SIGNED; i++) {
            record.append(entry(i));
        }
        record.sign();
        for (int i = SIGNED; i < TOTAL; i++) {
            record.append(entry(i));
        }
        server = WebServer.start(new WebSettings("127.0.0.1", 0, "Demo Union"), List.of(new RecordPages(record)));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_record_page_lists_the_newest_entries_first_with_their_canonical_json() {
        String page = http.get("/record", "text/html", "en").body();

        assertThat(page).contains("45 entries", "Entry 44", "member.admitted", "\"member\":\"m-44\"");
        assertThat(page.indexOf("Entry 44")).isLessThan(page.indexOf("Entry 43"));
        assertThat(page).doesNotContain("Entry 24<");
        assertThat(page).contains("href=\"/record?before=25\"");
    }

    @Test
    void older_pages_reach_the_first_entry() {
        String page = http.get("/record?before=5", "text/html", "fr").body();

        assertThat(page).contains("Entrée 4", "Entrée 0").doesNotContain("Entrée 5<");
        assertThat(page).contains("Entrées plus récentes").doesNotContain("Entrées plus anciennes");
    }

    @Test
    void the_checkpoint_page_shows_the_signed_note_verbatim_and_who_cosigned_it() {
        String page = http.get("/record/checkpoint", "text/html", "en").body();
        SignedCheckpoint checkpoint = record.latestCheckpoint().orElseThrow();

        assertThat(page).contains("demo.smolny.test/record", Base64.getEncoder().encodeToString(checkpoint.rootHash()));
        assertThat(page).contains("leith-branch", "dundee-branch", "valid", "The log’s signature on this checkpoint is valid.");
        assertThat(page).contains(checkpoint.note().lines().limit(3).toList().toArray(String[]::new));
        assertThat(page).contains("— demo.smolny.test/record ", "— leith-branch ", "— dundee-branch ");
    }

    @Test
    void an_entry_page_shows_its_inclusion_verified_against_the_latest_checkpoint() {
        String page = http.get("/record/entries/7", "text/html", "en").body();

        assertThat(page).contains("Entry 7", "data-verdict=\"verified\"", "Verified:", "first 40 entries");
    }

    @Test
    void an_entry_newer_than_the_checkpoint_is_not_claimed_as_verified() {
        String page = http.get("/record/entries/42", "text/html", "en").body();

        assertThat(page).contains("No signed checkpoint covers this entry yet").doesNotContain("data-verdict=\"verified\"");
    }

    @Test
    void an_entry_rewritten_after_the_checkpoint_is_exposed_not_verified() {
        MemoryRecord tampered = new MemoryRecord("tamper.smolny.test/record");
        for (int i = 0; i < 10; i++) {
            tampered.append(entry(i));
        }
        tampered.sign();
        tampered.rewrite(3, entry(3).replace("m-3", "m-333"));
        try (WebServer other = WebServer.start(new WebSettings("127.0.0.1", 0, "Tampered"), List.of(new RecordPages(tampered)))) {
            String page = new Http(other.port()).get("/record/entries/3", "text/html", "en").body();

            assertThat(page).contains("data-verdict=\"failed\"", "The proof does not verify").doesNotContain("data-verdict=\"verified\"");
        }
    }

    @Test
    void the_api_serves_entries_checkpoint_and_proofs_that_check_out() throws Exception {
        JsonNode summary = JSON.readTree(http.get("/api/record").body());
        assertThat(summary.path("size").asLong()).isEqualTo(TOTAL);
        assertThat(summary.path("checkpoint").path("size").asLong()).isEqualTo(SIGNED);

        JsonNode entries = JSON.readTree(http.get("/api/record/entries?from=40&count=10").body());
        assertThat(entries.path("entries")).hasSize(5);
        assertThat(entries.path("entries").get(0).path("entry").path("body").path("member").asText()).isEqualTo("m-40");

        JsonNode one = JSON.readTree(http.get("/api/record/entries/9").body());
        assertThat(one.path("type").asText()).isEqualTo("member.admitted");

        JsonNode checkpoint = JSON.readTree(http.get("/api/record/checkpoint").body());
        assertThat(checkpoint.path("note").asText()).startsWith("demo.smolny.test/record\n40\n");
        assertThat(checkpoint.path("cosignatures")).hasSize(2);
        HttpResponse<String> note = http.get("/api/record/checkpoint.txt", "text/plain", null);
        assertThat(note.body()).isEqualTo(checkpoint.path("note").asText());

        JsonNode inclusion = JSON.readTree(http.get("/api/record/proof/inclusion?index=9&size=40").body());
        List<byte[]> proof = decode(inclusion.path("proof"));
        assertThat(inclusionVerifies(9, 40, Base64.getDecoder().decode(inclusion.path("leafHash").asText()), proof,
                Base64.getDecoder().decode(checkpoint.path("rootHash").asText()))).isTrue();

        JsonNode consistency = JSON.readTree(http.get("/api/record/proof/consistency?from=13&to=45").body());
        assertThat(consistency.path("proof").size()).isPositive();
        assertThat(decode(consistency.path("proof"))).allSatisfy(hash -> assertThat(hash).hasSize(32));
    }

    private static boolean inclusionVerifies(long index, long size, byte[] leaf, List<byte[]> proof, byte[] root) {
        return org.smolny.record.merkle.Proofs.verifyInclusion(index, size, leaf, proof, root).isVerified();
    }

    private static List<byte[]> decode(JsonNode hashes) {
        List<byte[]> decoded = new java.util.ArrayList<>();
        hashes.forEach(hash -> decoded.add(Base64.getDecoder().decode(hash.asText())));
        return decoded;
    }

    @Test
    void bad_input_gets_a_problem_that_names_the_parameter_never_a_server_error() throws Exception {
        record Case(String path, int status, String detailContains) {
        }
        List<Case> cases = List.of(
                new Case("/api/record/entries/abc", 400, "“index” must be a whole number, but it is “abc”"),
                new Case("/api/record/entries/-1", 400, "“index” must be at least 0"),
                new Case("/api/record/entries/45", 404, "There is no entry 45: the record has 45 entries"),
                new Case("/api/record/entries/99999999999999999999", 400, "“index” must be a whole number"),
                new Case("/api/record/entries?from=46", 400, "cannot start at 46"),
                new Case("/api/record/entries?count=0", 400, "“count” must be at least 1"),
                new Case("/api/record/entries?count=101", 400, "“count” must be at most 100"),
                new Case("/api/record/proof/inclusion?index=3", 400, "“size” is missing"),
                new Case("/api/record/proof/inclusion?index=x&size=4", 400, "“index” must be a whole number"),
                new Case("/api/record/proof/inclusion?index=3&size=0", 400, "“size” must be at least 1"),
                new Case("/api/record/proof/inclusion?index=4&size=4", 400, "index 4 must be below the tree size 4"),
                new Case("/api/record/proof/inclusion?index=3&size=46", 400, "“size” is 46, but the record has only 45 entries"),
                new Case("/api/record/proof/consistency?from=0&to=4", 400, "“from” must be at least 1"),
                new Case("/api/record/proof/consistency?from=5&to=4", 400, "must not exceed"),
                new Case("/api/record/proof/consistency?from=5&to=46", 400, "“to” is 46"),
                new Case("/api/record/proof/consistency?from=5", 400, "“to” is missing"));
        for (Case c : cases) {
            HttpResponse<String> response = http.get(c.path());
            assertThat(response.statusCode()).as(c.path()).isEqualTo(c.status());
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(c.path()).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("detail").asText()).as(c.path()).containsIgnoringCase(c.detailContains());
            assertThat(problem.path("status").asInt()).isEqualTo(c.status());
        }
        HttpResponse<String> page = http.get("/record/entries/nope", "text/html", "fr");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Paramètre invalide", "« index »");
        assertThat(http.get("/record?before=x", "text/html", "en").statusCode()).isEqualTo(400);
    }

    @Test
    void an_entry_damaged_into_something_that_is_not_json_is_still_served_as_valid_json() throws Exception {
        MemoryRecord damaged = new MemoryRecord("damaged.smolny.test/record");
        damaged.append(entry(0));
        damaged.append(entry(1));
        damaged.sign();
        damaged.rewrite(1, "{\"v\":1,\"type\":\"member.adm");
        try (WebServer other = WebServer.start(new WebSettings("127.0.0.1", 0, "Damaged"), List.of(new RecordPages(damaged)))) {
            Http client = new Http(other.port());
            JsonNode entries = JSON.readTree(client.get("/api/record/entries").body());

            assertThat(entries.path("entries").get(0).has("entry")).isTrue();
            assertThat(entries.path("entries").get(1).has("entry")).isFalse();
            assertThat(entries.path("entries").get(1).path("unreadableEntry").asText()).isEqualTo("{\"v\":1,\"type\":\"member.adm");
            assertThat(client.get("/record/entries/1", "text/html", "en").body()).contains("data-verdict=\"failed\"");
        }
    }

    @Test
    void a_record_without_a_checkpoint_says_so_instead_of_failing() {
        MemoryRecord fresh = new MemoryRecord("fresh.smolny.test/record");
        fresh.append(entry(0));
        try (WebServer other = WebServer.start(new WebSettings("127.0.0.1", 0, "Fresh"), List.of(new RecordPages(fresh)))) {
            Http client = new Http(other.port());
            assertThat(client.get("/api/record/checkpoint").statusCode()).isEqualTo(409);
            assertThat(client.get("/record/checkpoint", "text/html", "en").body()).contains("No checkpoint has been signed yet.");
            assertThat(client.get("/record/entries/0", "text/html", "en").body()).contains("No signed checkpoint covers this entry yet");
        }
    }

    @Test
    void the_openapi_document_lists_every_record_endpoint() throws Exception {
        JsonNode paths = JSON.readTree(http.get("/api/openapi.json").body()).path("paths");

        assertThat(paths.has("/api/record/proof/inclusion")).isTrue();
        assertThat(paths.path("/api/record/proof/inclusion").path("get").path("parameters")).hasSize(2);
        for (var operation : server.apiOperations()) {
            assertThat(paths.has(operation.path())).as(operation.path()).isTrue();
        }
        assertThat(server.apiOperations()).hasSizeGreaterThanOrEqualTo(8);
    }
}
