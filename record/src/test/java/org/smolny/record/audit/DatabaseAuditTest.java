package org.smolny.record.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.record.LogKey;
import org.smolny.record.checkpoint.Checkpoint;
import org.smolny.record.merkle.Hash;
import org.smolny.record.merkle.TreeHasher;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.SignerKey;

/** Attacks on a real record database, each with raw SQL after dropping the triggers, and each found by the audit. */
class DatabaseAuditTest {

    @TempDir
    Path folder;
    Path file;

    @BeforeEach
    void record() throws Exception {
        file = RecordFixture.standard(folder);
    }

    private AuditReport audit() throws Exception {
        return DatabaseAudit.auditSqlite(file, RecordFixture.VERIFIERS);
    }

    @Test
    void an_untouched_record_verifies() throws Exception {
        AuditReport report = audit();
        assertThat(report.problems()).isEmpty();
        assertThat(report.entries()).isEqualTo(600);
        assertThat(report.checkpoints()).isEqualTo(2);
    }

    @Test
    void a_flipped_byte_in_an_entry_is_found_at_that_entry() throws Exception {
        try (Connection sql = RecordFixture.attacker(file)) {
            byte[] entry = read(sql, 123);
            String edited = new String(entry, StandardCharsets.UTF_8).replace("\"m-123\"", "\"m-124\"");
            try (PreparedStatement update = sql.prepareStatement("UPDATE record_entry SET entry = ? WHERE idx = 123")) {
                update.setBytes(1, edited.getBytes(StandardCharsets.UTF_8));
                update.executeUpdate();
            }
        }
        AuditReport report = audit();
        assertThat(report.valid()).isFalse();
        assertThat(report.firstBadEntry()).contains(123L);
        assertThat(report.problems().get(0).message()).contains("the stored leaf hash is");
    }

    @Test
    void a_deleted_entry_is_found_where_it_is_missing() throws Exception {
        try (Connection sql = RecordFixture.attacker(file); Statement statement = sql.createStatement()) {
            statement.execute("DELETE FROM record_entry WHERE idx = 200");
        }
        AuditReport report = audit();
        assertThat(report.firstBadEntry()).contains(200L);
        assertThat(report.problems().get(0).message()).isEqualTo("entry 200 is missing (the next stored entry is 201)");
    }

    @Test
    void two_reordered_entries_are_found_at_the_first_of_them() throws Exception {
        try (Connection sql = RecordFixture.attacker(file)) {
            byte[] ten = read(sql, 10);
            byte[] eleven = read(sql, 11);
            write(sql, 10, eleven);
            write(sql, 11, ten);
        }
        assertThat(audit().firstBadEntry()).contains(10L);
    }

    @Test
    void a_truncated_record_is_found_from_the_first_missing_entry() throws Exception {
        try (Connection sql = RecordFixture.attacker(file); Statement statement = sql.createStatement()) {
            statement.execute("DELETE FROM record_entry WHERE idx >= 500");
            statement.execute("DELETE FROM record_hash WHERE (idx + 1) * (1 << level) > 500");
        }
        AuditReport report = audit();
        assertThat(report.firstBadEntry()).contains(500L);
        assertThat(report.problems()).anyMatch(problem -> problem.message().contains("the record was truncated from entry 500"));
    }

    @Test
    void a_rewritten_history_with_recomputed_hashes_is_found_by_the_signed_checkpoints() throws Exception {
        try (Connection sql = RecordFixture.attacker(file)) {
            write(sql, 42, RecordFixture.entry(4242).bytes());
            try (Statement statement = sql.createStatement()) {
                statement.execute("DELETE FROM record_hash");
            }
            org.smolny.record.merkle.CompactRange tree = org.smolny.record.merkle.CompactRange.empty();
            try (PreparedStatement insert = sql.prepareStatement("INSERT INTO record_hash (level, idx, hash) VALUES (?, ?, ?)")) {
                for (long i = 0; i < 600; i++) {
                    tree.appendEntry(read(sql, i), (level, index, hash, offset) -> {
                        try {
                            insert.setInt(1, level);
                            insert.setLong(2, index);
                            insert.setBytes(3, java.util.Arrays.copyOfRange(hash, offset, offset + 32));
                            insert.executeUpdate();
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
        }
        AuditReport report = audit();
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anyMatch(problem -> problem.message().startsWith("the checkpoint of size 300 signs root"));
    }

    @Test
    void a_replaced_tree_head_is_found_by_its_signature() throws Exception {
        SignerKey impostor = SignerKey.generate("smolny.test/record", KeyType.ED25519);
        Hash forged = TreeHasher.create().hashLeaf(new byte[] {1});
        String note = Checkpoint.of("smolny.test/record", 600, forged).sign(LogKey.signer(impostor)).encoded();
        try (Connection sql = RecordFixture.attacker(file);
             PreparedStatement update = sql.prepareStatement("UPDATE record_checkpoint SET note = ?, root = ? WHERE size = 600")) {
            update.setString(1, note);
            update.setBytes(2, forged.bytes());
            update.executeUpdate();
        }
        AuditReport report = audit();
        assertThat(report.problems()).anyMatch(problem -> problem.message().startsWith(
                "the checkpoint of size 600: its signatures do not verify"));
    }

    @Test
    void a_forked_root_signed_with_the_log_key_is_found() throws Exception {
        Hash forked = TreeHasher.create().hashLeaf("fork".getBytes(StandardCharsets.UTF_8));
        String note = Checkpoint.of("smolny.test/record", 450, forked).sign(LogKey.signer(RecordFixture.LOG_KEY)).encoded();
        try (Connection sql = RecordFixture.attacker(file);
             PreparedStatement insert = sql.prepareStatement("INSERT INTO record_checkpoint (size, root, note, signed_at) VALUES (450, ?, ?, '2026-11-27T00:00:00Z')")) {
            insert.setBytes(1, forked.bytes());
            insert.setString(2, note);
            insert.executeUpdate();
        }
        AuditReport report = audit();
        assertThat(report.problems()).anyMatch(problem -> problem.message().startsWith("the checkpoint of size 450 signs root " + forked));
    }

    @Test
    void witness_cosignatures_are_verified_and_a_forged_one_is_found() throws Exception {
        SignerKey witnessKey = SignerKey.generate("witness.branch-7.example", KeyType.COSIGNATURE_V1);
        org.smolny.record.witness.Cosigner witness = new org.smolny.record.witness.Cosigner(witnessKey, java.time.Clock.systemUTC());
        try (org.smolny.record.store.RecordStore store = org.smolny.record.store.RecordStore.open(
                org.smolny.record.store.StoreConfig.sqlite(file))) {
            org.smolny.record.store.StoredCheckpoint checkpoint = store.checkpoint(600).orElseThrow();
            String text = checkpoint.note().substring(0, checkpoint.note().indexOf("\n\n") + 1);
            org.smolny.record.witness.Cosignature cosignature = witness.cosign(text.getBytes(StandardCharsets.UTF_8));
            store.addCosignatures(600, java.util.List.of(new org.smolny.record.store.StoredCosignature(600, witnessKey.name(),
                    witnessKey.keyId().hex(), cosignature.line().strip(), java.time.Instant.now()))).get();
        }
        TrustedKeys keys = new TrustedKeys(RecordFixture.LOG_KEY.verifierKey(), java.util.List.of(witnessKey.verifierKey()));
        AuditReport report = DatabaseAudit.auditSqlite(file, keys);
        assertThat(report.problems()).isEmpty();
        assertThat(report.notes()).contains("the checkpoint of size 600 is cosigned by 1 known witness(es)");

        try (Connection sql = RecordFixture.attacker(file); Statement statement = sql.createStatement()) {
            statement.execute("DROP TRIGGER record_cosignature_no_update");
            statement.execute("UPDATE record_cosignature SET line = substr(line, 1, length(line) - 4) || 'AAA='");
        }
        assertThat(DatabaseAudit.auditSqlite(file, keys).problems()).anyMatch(problem -> problem.message().startsWith(
                "the checkpoint of size 600: its signatures do not verify"));
    }

    @Test
    void dropped_triggers_alone_are_reported() throws Exception {
        RecordFixture.attacker(file).close();
        AuditReport report = audit();
        assertThat(report.problems()).extracting(Problem::message)
                .contains("the insert-only triggers of record_entry are missing: someone removed the database's protection against rewriting the record");
        assertThat(report.firstBadEntry()).isEmpty();
    }

    static byte[] read(Connection sql, long index) throws Exception {
        try (PreparedStatement select = sql.prepareStatement("SELECT entry FROM record_entry WHERE idx = ?")) {
            select.setLong(1, index);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getBytes(1);
            }
        }
    }

    static void write(Connection sql, long index, byte[] entry) throws Exception {
        try (PreparedStatement update = sql.prepareStatement("UPDATE record_entry SET entry = ? WHERE idx = ?")) {
            update.setBytes(1, entry);
            update.setLong(2, index);
            update.executeUpdate();
        }
    }
}
