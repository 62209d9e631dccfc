package org.smolny.record.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.smolny.record.audit.AuditReport;
import org.smolny.record.audit.DatabaseAudit;
import org.smolny.record.json.Entry;
import org.smolny.record.merkle.CompactRange;
import org.smolny.record.merkle.Hash;
import org.smolny.record.merkle.Proofs;
import org.smolny.record.merkle.TreeHasher;
import org.smolny.record.testing.PostgresServer;

/** The same store code on a real PostgreSQL server: appends, proofs, savepoints, insert-only triggers, audit. */
@Tag("postgres")
class PostgresRecordStoreTest {

    static PostgresServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private StoreConfig config() {
        return StoreConfig.postgresql(server.jdbcUrl(), server.user(), server.password());
    }

    @Test
    void the_record_works_on_postgresql_as_on_sqlite() throws Exception {
        try (RecordStore store = RecordStore.open(config())) {
            long base = store.size();
            List<CompletableFuture<Appended>> futures = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                futures.add(store.append(RecordStoreTest.entry(i)));
            }
            for (CompletableFuture<Appended> future : futures) {
                future.get();
            }
            CompletableFuture<Long> failing = store.submit(tx -> {
                tx.append(RecordStoreTest.entry(-1));
                throw new IllegalStateException("refused by the statutes");
            });
            assertThatThrownBy(failing::get).isInstanceOf(ExecutionException.class);
            long size = store.size();
            assertThat(size).isEqualTo(base + 300);
            CompactRange expected = CompactRange.empty();
            for (Entry entry : store.entries(0, (int) size)) {
                expected.appendEntry(entry.bytes(), (l, x, h, o) -> { });
            }
            Hash root = store.root(size);
            assertThat(root).isEqualTo(expected.root());
            Hash leaf = TreeHasher.create().hashLeaf(store.entry(base + 17).bytes());
            assertThat(Proofs.verifyInclusion(base + 17, size, leaf, store.inclusionProof(base + 17, size), root).isVerified()).isTrue();
            assertThat(Proofs.verifyConsistency(base + 100, size, store.consistencyProof(base + 100, size), store.root(base + 100), root).isVerified()).isTrue();
            org.smolny.record.note.SignerKey key = org.smolny.record.note.SignerKey.generate("pg.test/record",
                    org.smolny.record.note.KeyType.ED25519);
            org.smolny.record.RecordLog.of(store, key).signCheckpoint();
        }
        try (Handle handle = Jdbi.create(server.jdbcUrl(), server.user(), server.password()).open()) {
            for (String sql : List.of("UPDATE record_entry SET entry = '\\x00'", "DELETE FROM record_hash", "TRUNCATE record_entry",
                    "UPDATE record_checkpoint SET note = 'x'")) {
                assertThatThrownBy(() -> handle.execute(sql)).as(sql).hasMessageContaining("the record is insert-only");
            }
        }
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password())) {
            AuditReport report = DatabaseAudit.audit(server.jdbcUrl(), connection, false, org.smolny.record.audit.TrustedKeys.none());
            assertThat(report.problems()).isEmpty();
            assertThat(report.checkpoints()).isEqualTo(1);
        }
    }
}
