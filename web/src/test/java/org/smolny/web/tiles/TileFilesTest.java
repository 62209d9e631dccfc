package org.smolny.web.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.record.RecordLog;
import org.smolny.record.json.Entry;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.SignerKey;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.record.tiles.TileExporter;
import org.smolny.record.tiles.TilePaths;
import org.smolny.web.WebServer;
import org.smolny.web.WebSettings;
import org.smolny.web.support.Http;

/** The tlog-tiles files of a real SQLite record, exported by the record module, served under /tlog/. */
class TileFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    private static WebServer server;
    private static Http http;
    private static String checkpointNote;

    @BeforeAll
    static void start() throws Exception {
        Path tiles = folder.resolve("tiles");
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(folder.resolve("record.db")))) {
            for (int i = 0; i < 300; i++) {
                store.append(Entry.parse("{\"v\":1,\"type\":\"member.admitted\",\"body\":{\"n\":" + i + "}}")).get();
            }
            RecordLog log = RecordLog.of(store, SignerKey.generate("tiles.smolny.test/record", KeyType.ED25519));
            checkpointNote = log.signCheckpoint().note();
            TileExporter.export(store, tiles);
        }
        Files.writeString(folder.resolve("secret.txt"), "not part of the record");
        server = WebServer.start(new WebSettings("127.0.0.1", 0, "Tiles"), List.of(new TileFiles(tiles)));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> bytes(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.base() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_checkpoint_and_the_tiles_are_served_as_the_export_wrote_them() throws Exception {
        HttpResponse<String> checkpoint = http.get("/tlog/checkpoint", "*/*", null);
        assertThat(checkpoint.statusCode()).isEqualTo(200);
        assertThat(checkpoint.body()).isEqualTo(checkpointNote);
        assertThat(checkpoint.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");

        HttpResponse<byte[]> fullTile = bytes("/tlog/" + TilePaths.tile(0, 0, TilePaths.WIDTH));
        assertThat(fullTile.statusCode()).isEqualTo(200);
        assertThat(fullTile.body()).hasSize(256 * 32);
        assertThat(fullTile.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");

        HttpResponse<byte[]> partialTile = bytes("/tlog/" + TilePaths.tile(0, 1, 44));
        assertThat(partialTile.body()).hasSize(44 * 32);
        assertThat(partialTile.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-cache");

        HttpResponse<byte[]> bundle = bytes("/tlog/" + TilePaths.entries(0, TilePaths.WIDTH));
        byte[] first = Entry.parse("{\"v\":1,\"type\":\"member.admitted\",\"body\":{\"n\":0}}").bytes();
        assertThat(((bundle.body()[0] & 0xff) << 8) | (bundle.body()[1] & 0xff)).isEqualTo(first.length);
        assertThat(java.util.Arrays.copyOfRange(bundle.body(), 2, 2 + first.length)).isEqualTo(first);
    }

    @Test
    void nothing_outside_the_layout_is_served() throws Exception {
        for (String path : List.of("/tlog/secret.txt", "/tlog/..%2Fsecret.txt", "/tlog/tile/0/..%2F..%2Fsecret.txt",
                "/tlog/tile/0/999", "/tlog/tile/entries/x001/000", "/tlog/checkpoints/7")) {
            HttpResponse<String> response = http.get(path, "application/json", "en");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("detail").asText()).as(path).isNotBlank();
        }
    }

    @Test
    void the_openapi_document_describes_the_tiles() throws Exception {
        var paths = JSON.readTree(http.get("/api/openapi.json").body()).path("paths");
        assertThat(paths.has("/tlog/{path}")).isTrue();
        assertThat(paths.path("/tlog/{path}").path("get").path("parameters").get(0).path("schema").path("type").asText()).isEqualTo("string");
    }
}
