package org.smolny.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.app.Main;
import org.smolny.app.serve.RecordServer;
import org.smolny.council.shell.CommandResult;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.record.json.Entry;
import org.smolny.record.store.StoredCheckpoint;
import org.smolny.record.store.RecordStore;
import picocli.CommandLine;

class DemoRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    private static HttpResponse<String> get(RecordServer server, String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Accept", accept).header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_demo_is_written_once_and_a_restart_serves_the_same_entries_and_checkpoints() throws Exception {
        long size;
        String firstNote;
        String firstEntries;
        List<StoredCheckpoint> checkpoints;
        try (RecordServer server = SmallDemo.start(folder)) {
            size = server.store().size();
            assertThat(server.councilUnavailable()).isEmpty();
            JsonNode summary = JSON.readTree(get(server, "/api/record", "application/json").body());
            assertThat(summary.path("size").asLong()).isEqualTo(size);
            assertThat(summary.path("checkpoint").path("size").asLong()).isEqualTo(size);
            JsonNode checkpoint = JSON.readTree(get(server, "/api/record/checkpoint", "application/json").body());
            assertThat(checkpoint.path("logSignatureValid").asBoolean()).isTrue();
            assertThat(checkpoint.path("cosignatures")).hasSize(2)
                    .allSatisfy(cosignature -> assertThat(cosignature.path("valid").asBoolean()).isTrue());
            firstNote = checkpoint.path("note").asText();
            firstEntries = get(server, "/api/record/entries?from=0&count=100", "application/json").body();
            checkpoints = server.store().checkpoints();
            // One checkpoint once the union is founded (statutes, 11 units, 80 members), one of the whole record.
            assertThat(checkpoints).extracting(StoredCheckpoint::size).containsExactly(92L, size);
            assertThat(checkpoints).allSatisfy(c -> assertThat(c.cosignatures()).extracting(c2 -> c2.witness())
                    .containsExactlyInAnyOrderElementsOf(DemoSeeder.WITNESSES));
        }

        try (RecordServer again = SmallDemo.start(folder)) {
            assertThat(again.store().size()).isEqualTo(size);
            assertThat(again.store().checkpoints()).extracting(StoredCheckpoint::noteWithCosignatures)
                    .containsExactlyElementsOf(checkpoints.stream().map(StoredCheckpoint::noteWithCosignatures).toList());
            assertThat(JSON.readTree(get(again, "/api/record/checkpoint", "application/json").body()).path("note").asText()).isEqualTo(firstNote);
            assertThat(get(again, "/api/record/entries?from=0&count=100", "application/json").body()).isEqualTo(firstEntries);
        }

        try (RecordServer served = RecordServer.start(SmallDemo.config(folder))) {
            assertThat(served.store().size()).isEqualTo(size);
            assertThat(served.councilUnavailable()).isEmpty();
        }
    }

    @Test
    void the_demo_record_passes_record_verify() throws Exception {
        try (RecordServer ignored = SmallDemo.start(folder)) {
            assertThat(ignored.store().size()).isGreaterThan(92);
        }
        Captured run = run("record", "verify", folder.resolve("smolny-data/record.db").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void a_demo_interrupted_while_the_union_was_being_built_is_reported_and_left_as_it_is() throws Exception {
        Path data = folder.resolve("smolny-data");
        Files.createDirectories(data);
        try (RecordStore store = RecordServer.openStore(data)) {
            CouncilService council = CouncilService.open(store, InstantSource.system());
            assertThat(council.execute(new StatutesCommand.AdoptStatutes(DemoSeeder.statutes()), null))
                    .isInstanceOf(CommandResult.Recorded.class);
        }
        Captured run = run("demo", "--data", data.toString(), "--listen", "127.0.0.1:0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("interrupted while it was being built", "remove the folder");
        try (RecordStore store = RecordServer.openStore(data)) {
            assertThat(store.size()).isEqualTo(1);
            assertThat(store.checkpoints()).isEmpty();
        }
    }

    @Test
    void a_person_sees_a_demo_entry_proved_against_the_cosigned_checkpoint_and_the_council_pages() throws Exception {
        try (RecordServer server = SmallDemo.start(folder)) {
            String entry = get(server, "/record/entries/20", "text/html").body();
            assertThat(entry).contains("member.admitted", "data-verdict=\"verified\"");

            String checkpoint = get(server, "/record/checkpoint", "text/html").body();
            assertThat(checkpoint).contains(DemoSeeder.WITNESSES.toArray(String[]::new));
            assertThat(checkpoint).contains("The log’s signature on this checkpoint is valid.").doesNotContain("does not verify");

            assertThat(get(server, "/record", "text/html").body()).contains(DemoSeeder.NAME);
            assertThat(get(server, "/council/statutes", "text/html").body()).contains("General Union of Transport and Logistics Workers");
            assertThat(get(server, "/council/sign-in", "text/html").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void the_signing_keys_are_readable_by_their_owner_only() throws Exception {
        try (RecordServer ignored = SmallDemo.start(folder)) {
            Path logKey = folder.resolve("smolny-data/keys/log.key");
            assertThat(Files.getPosixFilePermissions(logKey)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.readString(folder.resolve("smolny-data/keys/log.pub"))).startsWith(DemoSeeder.ORIGIN + "+");
        }
    }

    @Test
    void an_entry_rewritten_in_the_database_is_exposed_on_its_page_and_the_record_is_still_served_without_the_council() throws Exception {
        try (RecordServer server = SmallDemo.start(folder)) {
            assertThat(get(server, "/record/entries/4", "text/html").body()).contains("data-verdict=\"verified\"");
        }
        // Someone with access to the database removes the insert-only guard and rewrites entry 4 as a council entry
        // the council cannot read.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("smolny-data/record.db"));
             Statement statement = db.createStatement()) {
            statement.execute("DROP TRIGGER record_entry_no_update");
            try (PreparedStatement update = db.prepareStatement("UPDATE record_entry SET entry = ? WHERE idx = 4")) {
                update.setBytes(1, Entry.parse("{\"v\":1,\"type\":\"member.expelled\",\"body\":{}}").bytes());
                update.executeUpdate();
            }
        }
        try (RecordServer server = RecordServer.start(SmallDemo.config(folder))) {
            assertThat(server.councilUnavailable()).hasValueSatisfying(reason -> assertThat(reason).contains("record entry 4"));
            String page = get(server, "/record/entries/4", "text/html").body();
            assertThat(page).contains("member.expelled", "data-verdict=\"failed\"").doesNotContain("data-verdict=\"verified\"");
            assertThat(get(server, "/record/entries/5", "text/html").body()).contains("data-verdict=\"verified\"");
            assertThat(get(server, "/council/statutes", "text/html").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void serve_on_a_record_of_entries_unknown_to_the_council_serves_the_record_and_names_the_unknown_entry() throws Exception {
        Path data = folder.resolve("smolny-data");
        Files.createDirectories(data);
        try (RecordStore store = RecordServer.openStore(data)) {
            store.append(Entry.parse("{\"v\":1,\"type\":\"notice.published\",\"body\":{\"text\":\"General meeting on Friday\"}}")).get();
        }
        try (RecordServer server = RecordServer.start(SmallDemo.config(folder))) {
            assertThat(server.councilUnavailable()).hasValueSatisfying(reason ->
                    assertThat(reason).contains("record entry 0").contains("unknown type 'notice.published'"));
            assertThat(get(server, "/record/entries/0", "text/html").body()).contains("notice.published");
            assertThat(get(server, "/council/statutes", "text/html").statusCode()).isEqualTo(404);
            assertThat(server.store().size()).isEqualTo(1);
        }
    }

    @Test
    void the_demo_leaves_another_organisations_record_alone() throws Exception {
        Path data = folder.resolve("other-data");
        Files.createDirectories(data);
        try (RecordStore store = RecordServer.openStore(data)) {
            store.append(Entry.parse("{\"v\":1,\"type\":\"organisation.founded\",\"body\":{\"name\":\"Someone else\"}}")).get();
        }
        Captured run = run("demo", "--data", data.toString(), "--listen", "127.0.0.1:0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("another organisation's record");
        try (RecordStore store = RecordServer.openStore(data)) {
            assertThat(store.size()).isEqualTo(1);
            assertThat(store.latestCheckpoint()).isEmpty();
        }
    }

    @Test
    void serve_without_a_record_says_how_to_make_one() {
        Captured run = run("serve", "--data", folder.resolve("empty").toString(), "--listen", "127.0.0.1:0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("There is no record at", "smolny demo");
        assertThat(folder.resolve("empty")).doesNotExist();
    }

    @Test
    void a_second_server_on_a_taken_port_stops_with_a_clear_message_and_leaves_the_first_serving() throws Exception {
        try (RecordServer first = SmallDemo.start(folder)) {
            Captured run = run("serve", "--data", folder.resolve("smolny-data").toString(), "--listen", "127.0.0.1:" + first.port());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("Cannot listen on 127.0.0.1:" + first.port(), "in use");
            assertThat(get(first, "/api/record", "application/json").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_malformed_listening_address_is_a_usage_error() {
        Captured run = run("serve", "--data", folder.toString(), "--listen", "8080");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--listen", "host:port");
    }

    record Captured(int exitCode, String out, String err) {
    }

    private static Captured run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
        commandLine.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        int code = commandLine.execute(args);
        return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

}
