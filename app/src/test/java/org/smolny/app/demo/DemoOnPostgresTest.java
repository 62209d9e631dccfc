package org.smolny.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.app.config.Database;
import org.smolny.app.config.ListenAddress;
import org.smolny.app.config.SmolnyConfig;
import org.smolny.app.serve.RecordServer;
import org.smolny.record.testing.PostgresServer;

/** The demo with its record in a real PostgreSQL server instead of SQLite: same pages, same restart guarantee. */
@Tag("postgres")
class DemoOnPostgresTest {

    @TempDir
    Path folder;

    @Test
    void the_demo_record_lives_in_postgresql_and_survives_a_restart() throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            SmolnyConfig config = SmolnyConfig.load(folder.resolve("smolny-data"),
                            Map.of("SMOLNY_DB_URL", postgres.jdbcUrl(), "SMOLNY_DB_USER", postgres.user(),
                                    "SMOLNY_DB_PASSWORD", postgres.password() == null ? "" : postgres.password()))
                    .withListen(new ListenAddress("127.0.0.1", 0))
                    .withOrganisation(DemoSeeder.NAME);
            assertThat(config.database()).isNotEqualTo(Database.SQLITE);
            long size;
            String note;
            try (RecordServer server = DemoCommand.start(config, new DemoSeeder(config.dataDirectory(), 1, 16))) {
                size = server.store().size();
                assertThat(server.store().checkpoints()).hasSize(2).allSatisfy(c -> assertThat(c.cosignatures()).hasSize(2));
                assertThat(server.councilUnavailable()).isEmpty();
                JsonNode checkpoint = get(server, "/api/record/checkpoint");
                assertThat(checkpoint.path("size").asLong()).isEqualTo(size);
                assertThat(checkpoint.path("logSignatureValid").asBoolean()).isTrue();
                note = checkpoint.path("note").asText();
            }
            assertThat(RecordServer.database(folder.resolve("smolny-data"))).doesNotExist();
            try (RecordServer again = RecordServer.start(config)) {
                assertThat(again.store().size()).isEqualTo(size);
                assertThat(get(again, "/api/record/checkpoint").path("note").asText()).isEqualTo(note);
            }
        }
    }

    private static JsonNode get(RecordServer server, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
