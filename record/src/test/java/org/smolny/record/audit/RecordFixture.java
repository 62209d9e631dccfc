package org.smolny.record.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.smolny.record.RecordLog;
import org.smolny.record.json.Entry;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.SignerKey;
import org.smolny.record.store.StoreConfig;

/** A real record database with 600 entries and checkpoints at sizes 300 and 600, and raw SQL for attacks. */
final class RecordFixture {

    static final SignerKey LOG_KEY = SignerKey.generate("smolny.test/record", KeyType.ED25519);
    static final TrustedKeys VERIFIERS = TrustedKeys.log(LOG_KEY.verifierKey());

    private RecordFixture() {
    }

    static Entry entry(long n) {
        return Entry.parse("{\"v\":1,\"type\":\"member.admitted\",\"at\":\"2026-11-27T10:15:30Z\",\"body\":{\"member\":\"m-"
                + n + "\",\"n\":" + n + "}}");
    }

    private static Path template;

    /** A copy, in {@code folder}, of one record of 600 entries with checkpoints at 300 and 600 (made once per run). */
    static synchronized Path standard(Path folder) throws Exception {
        if (template == null) {
            Path made = java.nio.file.Files.createTempDirectory("smolny-record-template");
            template = create(made, 600, 300);
            made.toFile().deleteOnExit();
            template.toFile().deleteOnExit();
        }
        Path file = folder.resolve("record.db");
        java.nio.file.Files.copy(template, file);
        return file;
    }

    /** A record of {@code size} entries with checkpoints signed at {@code checkpointAt} and at {@code size}. */
    static Path create(Path folder, int size, int checkpointAt) throws Exception {
        Path file = folder.resolve("record.db");
        try (RecordLog log = RecordLog.open(StoreConfig.sqlite(file), LOG_KEY)) {
            java.util.concurrent.CompletableFuture<?> last = null;
            for (long i = 0; i < size; i++) {
                last = log.store().append(entry(i));
                if (i + 1 == checkpointAt) {
                    last.get();
                    log.signCheckpoint();
                }
            }
            last.get();
            log.signCheckpoint();
        }
        return file;
    }

    static Connection attacker(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement statement = connection.createStatement()) {
            for (String trigger : new String[] {"record_entry_no_update", "record_entry_no_delete", "record_hash_no_update",
                    "record_hash_no_delete", "record_checkpoint_no_update", "record_checkpoint_no_delete"}) {
                statement.execute("DROP TRIGGER IF EXISTS " + trigger);
            }
        }
        return connection;
    }
}
