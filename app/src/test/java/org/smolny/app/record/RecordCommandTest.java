package org.smolny.app.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smolny.app.SmolnyCli.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.app.SmolnyCli.Run;

/** {@code smolny record ...}: a secretary appends, signs, exports; an auditor verifies and catches a forgery. */
class RecordCommandTest {

    @TempDir
    Path folder;

    private Path entries(int from, int count) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            lines.add("{\"type\": \"motion.adopted\", \"v\": 1, \"body\": {\"motion\": " + i + "}}");
        }
        Path file = folder.resolve("entries-" + from + ".jsonl");
        Files.write(file, lines);
        return file;
    }

    @Test
    void a_secretary_appends_signs_exports_and_an_auditor_verifies_both_copies() throws Exception {
        String db = folder.resolve("data/record.db").toString();
        Run appended = run("record", "append", "--db", db, "--file", entries(0, 300).toString());
        assertThat(appended.exitCode()).as(appended.err()).isZero();
        assertThat(appended.out()).contains("Appended 300 entries at indexes 0 to 299; the record holds 300 entries.");

        Run signed = run("record", "checkpoint", "--db", db, "--origin", "union.example/record");
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        assertThat(signed.out()).startsWith("union.example/record\n300\n").contains("\n— union.example/record ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("data/keys/log.key")))).isEqualTo("rw-------");

        assertThat(run("record", "append", "--db", db, "--file", entries(300, 10).toString()).exitCode()).isZero();
        assertThat(run("record", "checkpoint", "--db", db).exitCode()).isZero();

        Run shown = run("record", "show", "--db", db, "--from", "309", "--count", "5");
        assertThat(shown.out()).contains("size: 310").contains("checkpoint: size 310")
                .contains("309\t").contains("{\"body\":{\"motion\":309},\"type\":\"motion.adopted\",\"v\":1}");

        Run inclusion = run("record", "prove", "--db", db, "--index", "42");
        assertThat(inclusion.exitCode()).as(inclusion.out()).isZero();
        assertThat(inclusion.out()).contains("inclusion of entry 42 in the tree of size 310").endsWith("verified\n");
        Run consistency = run("record", "prove", "--db", db, "--from", "300", "--to", "310");
        assertThat(consistency.exitCode()).isZero();
        assertThat(consistency.out()).endsWith("verified\n");

        Path export = folder.resolve("export");
        Run exported = run("record", "export", "--db", db, export.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();

        Run databaseCheck = run("record", "verify", db);
        assertThat(databaseCheck.exitCode()).as(databaseCheck.out()).isZero();
        assertThat(databaseCheck.out()).contains("310 entries, 2 checkpoint(s)").endsWith("VALID\n");
        Run exportCheck = run("record", "verify", export.toString(), "--key", folder.resolve("data/keys/log.pub").toString());
        assertThat(exportCheck.exitCode()).as(exportCheck.out()).isZero();
        assertThat(exportCheck.out()).endsWith("VALID\n");

        Path bundle = export.resolve("tile/entries/001.p/54");
        byte[] bytes = Files.readAllBytes(bundle);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\"motion\":260", "\"motion\":261");
        Files.write(bundle, text.getBytes(StandardCharsets.ISO_8859_1));
        Run forged = run("record", "verify", export.toString());
        assertThat(forged.exitCode()).isEqualTo(1);
        assertThat(forged.out()).contains("first bad entry: 260").endsWith("INVALID\n");
    }

    @Test
    void an_invalid_line_names_the_line_and_nothing_is_written() throws Exception {
        Path file = folder.resolve("bad.jsonl");
        Files.writeString(file, "{\"v\":1,\"type\":\"a.b\"}\n{\"v\":1,\"type\":\"a.b\",}\n");
        Path db = folder.resolve("record.db");
        Run run = run("record", "append", "--db", db.toString(), "--file", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("smolny record append: line 2: not valid JSON: ").endsWith("; nothing was appended\n");
        assertThat(db).doesNotExist();

        Files.writeString(file, "{\"v\":1}\n{\"v\":2}\n");
        Run unknownVersion = run("record", "append", "--db", db.toString(), "--file", file.toString());
        assertThat(unknownVersion.err()).contains("line 2: unknown entry version \"v\":2");
    }

    @Test
    void usage_errors_exit_with_2() {
        assertThat(run("record", "verify", folder.resolve("missing.db").toString()).exitCode()).isEqualTo(2);
        assertThat(run("record", "show", "--db", folder.resolve("missing.db").toString()).exitCode()).isEqualTo(2);
        assertThat(run("record", "prove", "--db", folder.resolve("missing.db").toString()).exitCode()).isEqualTo(2);
    }
}
