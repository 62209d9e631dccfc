package org.smolny.record.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.record.audit.AuditReport;
import org.smolny.record.audit.DatabaseAudit;
import org.smolny.record.json.Entry;

/** SIGKILL a process appending under load: every acknowledged entry survives and the record verifies. */
@Tag("kill")
class KillTest {

    @TempDir
    Path folder;

    @Test
    void every_acknowledged_entry_survives_a_sigkill_and_the_record_verifies() throws Exception {
        Path file = folder.resolve("record.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AppendUnderLoad.class.getName(),
                file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<Long, Entry> acknowledged = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("ACK ")) {
                    continue; // log output of the child
                }
                String[] parts = line.split(" ");
                acknowledged.put(Long.parseLong(parts[1]), AppendUnderLoad.entry(Integer.parseInt(parts[2]), Long.parseLong(parts[3])));
                if (acknowledged.size() == 3000) {
                    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
                    break;
                }
            }
        }
        child.waitFor();
        assertThat(child.exitValue()).isEqualTo(137);
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(file))) {
            assertThat(store.size()).isGreaterThanOrEqualTo(acknowledged.size());
            for (Map.Entry<Long, Entry> ack : acknowledged.entrySet()) {
                assertThat(store.entry(ack.getKey())).as("entry " + ack.getKey()).isEqualTo(ack.getValue());
            }
            store.append(AppendUnderLoad.entry(99, 0)).get();
        }
        AuditReport report = DatabaseAudit.auditSqlite(file, org.smolny.record.audit.TrustedKeys.none());
        assertThat(report.problems()).isEmpty();
    }
}
