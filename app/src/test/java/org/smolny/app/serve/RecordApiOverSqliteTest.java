package org.smolny.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.app.config.ListenAddress;
import org.smolny.app.config.SmolnyConfig;
import org.smolny.app.demo.DemoCommand;
import org.smolny.app.demo.DemoSeeder;
import org.smolny.record.merkle.Proofs;
import org.smolny.record.merkle.TreeHasher;

/** Every endpoint of the record's JSON API and pages, against the demo record in a real SQLite file. */
class RecordApiOverSqliteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path folder;

    private static RecordServer server;
    private static long size;
    private static long foundation;

    @BeforeAll
    static void start() throws Exception {
        SmolnyConfig config = SmolnyConfig.load(folder.resolve("smolny-data"), Map.of())
                .withListen(new ListenAddress("127.0.0.1", 0))
                .withOrganisation(DemoSeeder.NAME);
        server = DemoCommand.start(config, new DemoSeeder(config.dataDirectory(), 1, 16));
        size = server.store().size();
        foundation = server.store().checkpoints().getFirst().size();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Accept", accept).header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path, "application/json");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
        return hashes;
    }

    @Test
    void every_entry_served_is_proved_included_in_the_signed_checkpoint() throws Exception {
        JsonNode checkpoint = json("/api/record/checkpoint");
        byte[] root = Base64.getDecoder().decode(checkpoint.path("rootHash").asText());
        assertThat(checkpoint.path("size").asLong()).isEqualTo(size);
        assertThat(get("/api/record/checkpoint.txt", "text/plain").body()).isEqualTo(checkpoint.path("note").asText());

        List<JsonNode> entries = new ArrayList<>();
        for (long from = 0; from < size; from += 100) {
            json("/api/record/entries?from=" + from + "&count=100").path("entries").forEach(entries::add);
        }
        assertThat(entries).hasSize((int) size);
        for (JsonNode entry : entries) {
            long index = entry.path("index").asLong();
            byte[] leaf = TreeHasher.forThread().hashLeaf(entry.path("entry").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).bytes();
            assertThat(Base64.getEncoder().encodeToString(leaf)).as("entry %d served verbatim", index).isEqualTo(entry.path("leafHash").asText());
            JsonNode proof = json("/api/record/proof/inclusion?index=" + index + "&size=" + size);
            assertThat(Proofs.verifyInclusion(index, size, leaf, hashes(proof.path("proof")), root).isVerified()).as("entry %d", index).isTrue();
        }
        assertThat(json("/api/record/entries/7").path("entry").path("type").asText()).isEqualTo(entries.get(7).path("type").asText());
    }

    @Test
    void a_consistency_proof_links_the_demos_foundation_checkpoint_to_the_latest() throws Exception {
        assertThat(server.store().checkpoints()).extracting(c -> c.size()).containsExactly(foundation, size);
        byte[] rootFoundation = server.store().root(foundation).bytes();
        byte[] rootOne = server.store().root(1).bytes();
        byte[] latest = Base64.getDecoder().decode(json("/api/record/checkpoint").path("rootHash").asText());

        JsonNode fromFoundation = json("/api/record/proof/consistency?from=" + foundation + "&to=" + size);
        JsonNode fromOne = json("/api/record/proof/consistency?from=1&to=" + size);

        assertThat(Proofs.verifyConsistency(foundation, size, hashes(fromFoundation.path("proof")), rootFoundation, latest).isVerified()).isTrue();
        assertThat(Proofs.verifyConsistency(1, size, hashes(fromOne.path("proof")), rootOne, latest).isVerified()).isTrue();
        assertThat(Proofs.verifyConsistency(foundation, size, hashes(fromOne.path("proof")), rootFoundation, latest).isVerified()).isFalse();
    }

    @Test
    void bad_input_is_a_problem_that_names_what_was_wrong_and_never_a_server_error() throws Exception {
        Map<String, Integer> cases = Map.ofEntries(
                Map.entry("/api/record/entries/x", 400),
                Map.entry("/api/record/entries/" + size, 404),
                Map.entry("/api/record/entries/-3", 400),
                Map.entry("/api/record/entries?from=" + (size + 1), 400),
                Map.entry("/api/record/entries?count=1000", 400),
                Map.entry("/api/record/proof/inclusion?index=0&size=0", 400),
                Map.entry("/api/record/proof/inclusion?index=" + size + "&size=" + size, 400),
                Map.entry("/api/record/proof/inclusion?index=1&size=" + (size + 1), 400),
                Map.entry("/api/record/proof/inclusion?index=1e3&size=4", 400),
                Map.entry("/api/record/proof/consistency?from=0&to=3", 400),
                Map.entry("/api/record/proof/consistency?from=4&to=3", 400),
                Map.entry("/api/record/proof/consistency?from=1&to=" + (size + 1), 400),
                Map.entry("/record/entries/" + size, 404),
                Map.entry("/record/entries/%20", 400),
                Map.entry("/record?before=" + (size + 5), 400));
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            HttpResponse<String> response = get(c.getKey(), "application/json");
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(c.getKey()).startsWith("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("detail").asText()).as(c.getKey()).isNotBlank();
        }
        assertThat(server.store().size()).isEqualTo(size);
    }

    @Test
    void the_record_is_mirrored_as_tlog_tiles_up_to_the_latest_checkpoint() throws Exception {
        String note = get("/api/record/checkpoint.txt", "text/plain").body();
        assertThat(get("/tlog/checkpoint", "*/*").body()).isEqualTo(note);
        assertThat(get("/tlog/checkpoints/" + foundation, "*/*").body()).startsWith(DemoSeeder.ORIGIN + "\n" + foundation + "\n");

        int firstTile = (int) Math.min(size, 256);
        HttpResponse<byte[]> bundle = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/tlog/" + org.smolny.record.tiles.TilePaths.entries(0, firstTile))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bundle.statusCode()).isEqualTo(200);
        int offset = 0;
        int count = 0;
        while (offset < bundle.body().length) {
            int length = ((bundle.body()[offset] & 0xff) << 8) | (bundle.body()[offset + 1] & 0xff);
            assertThat(java.util.Arrays.copyOfRange(bundle.body(), offset + 2, offset + 2 + length)).isEqualTo(server.store().entry(count).bytes());
            offset += 2 + length;
            count++;
        }
        assertThat(count).isEqualTo(firstTile);
    }

    @Test
    void the_pages_show_the_demo_record_and_its_witnesses() throws Exception {
        assertThat(get("/", "text/html").body()).contains(DemoSeeder.NAME);
        assertThat(get("/record", "text/html").body()).contains("The record holds " + size + " entries");
        assertThat(get("/record?before=20", "text/html").body()).contains("Entry 19", "Entry 0").doesNotContain("Entry 20<");
        assertThat(get("/record/checkpoint", "text/html").body()).contains(DemoSeeder.WITNESSES.toArray(String[]::new));
        assertThat(get("/record/entries/0", "text/html").body()).contains("statutes.adopted", "data-verdict=\"verified\"");
        assertThat(get("/metrics", "text/plain").body()).contains("route=\"/record/entries/{index}\"");
        assertThat(JSON.readTree(get("/api/openapi.json", "application/json").body()).path("paths").size()).isGreaterThanOrEqualTo(8);
        assertThat(JSON.readTree(get("/api/openapi.json", "application/json").body()).path("paths").has("/api/session")).isTrue();
        assertThat(get("/council/statutes", "text/html").body()).contains("General Union of Transport and Logistics Workers");
    }
}
