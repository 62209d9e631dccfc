package org.smolny.record.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.record.json.Entry;
import org.smolny.record.merkle.CompactRange;
import org.smolny.record.merkle.Hash;
import org.smolny.record.merkle.Proofs;
import org.smolny.record.merkle.TreeHasher;

class RecordStoreTest {

    @TempDir
    Path folder;

    static Entry entry(int n) {
        return Entry.parse("{\"v\":1,\"type\":\"test.appended\",\"body\":{\"n\":" + n + "}}");
    }

    @Test
    void appended_entries_are_read_back_and_proved_against_the_root() throws Exception {
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(folder.resolve("record.db")))) {
            CompactRange expected = CompactRange.empty();
            for (int i = 0; i < 37; i++) {
                Appended appended = store.append(entry(i)).get();
                assertThat(appended.index()).isEqualTo(i);
                expected.appendEntry(entry(i).bytes(), (l, x, h, o) -> { });
            }
            assertThat(store.size()).isEqualTo(37);
            assertThat(store.entry(5)).isEqualTo(entry(5));
            assertThat(store.entries(35, 10)).containsExactly(entry(35), entry(36));
            assertThat(store.root(37)).isEqualTo(expected.root());
            for (long size = 1; size <= 37; size++) {
                Hash root = store.root(size);
                for (long index = 0; index < size; index += 7) {
                    Hash leaf = TreeHasher.create().hashLeaf(entry((int) index).bytes());
                    assertThat(Proofs.verifyInclusion(index, size, leaf, store.inclusionProof(index, size), root).isVerified()).isTrue();
                }
                assertThat(Proofs.verifyConsistency(size, 37, store.consistencyProof(size, 37), root, store.root(37)).isVerified()).isTrue();
            }
        }
    }

    @Test
    void sixty_four_concurrent_writers_get_every_index_once_and_the_record_survives_reopening() throws Exception {
        Path file = folder.resolve("record.db");
        Set<Long> indexes = new HashSet<>();
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(file))) {
            List<Thread> writers = new ArrayList<>();
            List<CompletableFuture<Appended>> futures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int w = 0; w < 64; w++) {
                int writer = w;
                writers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 20; i++) {
                        futures.add(store.append(entry(writer * 1000 + i)));
                        futures.get(futures.size() - 1).join();
                    }
                }));
            }
            for (Thread thread : writers) {
                thread.join();
            }
            for (CompletableFuture<Appended> future : futures) {
                indexes.add(future.get().index());
            }
            assertThat(store.meanBatchSize()).isGreaterThan(1.0);
        }
        assertThat(indexes).hasSize(1280);
        try (RecordStore reopened = RecordStore.open(StoreConfig.sqlite(file))) {
            assertThat(reopened.size()).isEqualTo(1280);
            CompactRange expected = CompactRange.empty();
            for (Entry entry : reopened.entries(0, 1280)) {
                expected.appendEntry(entry.bytes(), (l, x, h, o) -> { });
            }
            assertThat(reopened.root(1280)).isEqualTo(expected.root());
            assertThat(reopened.append(entry(-1)).get().index()).isEqualTo(1280);
        }
    }

    @Test
    void a_failing_work_is_rolled_back_alone_and_the_rest_of_the_batch_commits() throws Exception {
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(folder.resolve("record.db")))) {
            store.submit(tx -> tx.handle().execute("CREATE TABLE member (id INTEGER PRIMARY KEY, name TEXT)")).get();
            CompletableFuture<Long> good1 = store.submit(tx -> {
                tx.handle().execute("INSERT INTO member (id, name) VALUES (1, 'Ada')");
                return tx.append(entry(1));
            });
            CompletableFuture<Long> bad = store.submit(tx -> {
                tx.handle().execute("INSERT INTO member (id, name) VALUES (2, 'Bob')");
                tx.append(entry(2));
                throw new IllegalStateException("the statutes refuse this admission");
            });
            CompletableFuture<Long> good2 = store.submit(tx -> {
                tx.handle().execute("INSERT INTO member (id, name) VALUES (3, 'Cyd')");
                return tx.append(entry(3));
            });
            assertThat(good1.get()).isEqualTo(0);
            assertThatThrownBy(bad::get).isInstanceOf(ExecutionException.class).hasRootCauseMessage("the statutes refuse this admission");
            assertThat(good2.get()).isEqualTo(1);
            assertThat(store.entries(0, 10)).containsExactly(entry(1), entry(3));
            List<String> names = store.submit(tx -> tx.handle().createQuery("SELECT name FROM member ORDER BY id").mapTo(String.class).list()).get();
            assertThat(names).containsExactly("Ada", "Cyd");
            CompactRange expected = CompactRange.empty();
            expected.appendEntry(entry(1).bytes(), (l, x, h, o) -> { });
            expected.appendEntry(entry(3).bytes(), (l, x, h, o) -> { });
            assertThat(store.root(2)).isEqualTo(expected.root());
        }
    }

    @Test
    void a_work_that_throws_an_error_fails_alone_and_the_writer_goes_on() throws Exception {
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(folder.resolve("record.db")))) {
            CompletableFuture<Object> broken = store.submit(tx -> {
                tx.append(entry(1));
                throw new StackOverflowError("deep recursion in a command");
            });
            assertThatThrownBy(broken::get).hasCauseInstanceOf(StackOverflowError.class);
            assertThat(store.append(entry(2)).get().index()).isZero();
            assertThat(store.entries(0, 5)).containsExactly(entry(2));
        }
    }

    @Test
    void the_database_itself_refuses_to_update_or_delete_the_record() throws Exception {
        Path file = folder.resolve("record.db");
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(file))) {
            store.append(entry(1)).get();
            store.saveCheckpoint(1, store.root(1), "log\n1\nroot\n\n— sig\n").get();
        }
        try (Handle handle = Jdbi.create("jdbc:sqlite:" + file).open()) {
            for (String sql : List.of("UPDATE record_entry SET entry = x'00'", "DELETE FROM record_entry",
                    "UPDATE record_hash SET hash = x'00'", "DELETE FROM record_hash",
                    "UPDATE record_checkpoint SET note = 'x'", "DELETE FROM record_checkpoint")) {
                assertThatThrownBy(() -> handle.execute(sql)).as(sql).hasMessageContaining("the record is insert-only");
            }
        }
    }

    @Test
    void two_different_roots_are_never_stored_for_one_size() throws Exception {
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(folder.resolve("record.db")))) {
            store.append(entry(1)).get();
            store.append(entry(2)).get();
            Hash forked = TreeHasher.create().hashLeaf(new byte[] {9});
            assertThatThrownBy(() -> store.saveCheckpoint(2, forked, "note").get())
                    .hasCauseInstanceOf(CheckpointConflictException.class)
                    .hasMessageContaining("the record's root at that size is " + store.root(2));
            StoredCheckpoint saved = store.saveCheckpoint(2, store.root(2), "signed note\n").get();
            assertThat(store.saveCheckpoint(2, store.root(2), "signed note\n").get()).isEqualTo(saved);
            assertThat(store.latestCheckpoint()).contains(saved);
        }
    }

    @Test
    void an_invalid_entry_is_refused_before_anything_is_written() throws Exception {
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(folder.resolve("record.db")))) {
            assertThatThrownBy(() -> store.append("{\"v\":1, \"x\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .hasMessageContaining("not in RFC 8785 canonical form");
            assertThat(store.size()).isZero();
        }
    }
}
