package org.smolny.record.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.record.LogKey;
import org.smolny.record.checkpoint.Checkpoint;
import org.smolny.record.merkle.Hash;
import org.smolny.record.merkle.TreeHasher;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.SignerKey;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.record.tiles.TileExporter;
import org.smolny.record.tiles.TilePaths;

/** Attacks on a C2SP tlog-tiles export of a real record (600 entries: two full bundles and a partial one). */
class ExportAuditTest {

    @TempDir
    Path folder;
    Path export;

    @BeforeEach
    void exportRecord() throws Exception {
        Path file = RecordFixture.standard(folder);
        export = folder.resolve("export");
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(file))) {
            TileExporter.Result result = TileExporter.export(store, export);
            assertThat(result.size()).isEqualTo(600);
        }
    }

    private AuditReport audit() throws Exception {
        return ExportAudit.audit(export, RecordFixture.VERIFIERS, 2);
    }

    @Test
    void an_untouched_export_verifies_and_has_the_tlog_tiles_layout() throws Exception {
        AuditReport report = audit();
        assertThat(report.problems()).isEmpty();
        assertThat(report.entries()).isEqualTo(600);
        assertThat(report.checkpoints()).isEqualTo(2);
        assertThat(export.resolve("tile/entries/000")).isRegularFile();
        assertThat(export.resolve("tile/entries/002.p/88")).isRegularFile();
        assertThat(export.resolve("tile/0/001")).hasSize(256 * 32);
        assertThat(export.resolve("tile/0/002.p/88")).hasSize(88 * 32);
        assertThat(export.resolve("tile/1/000.p/2")).hasSize(2 * 32);
        assertThat(Files.readString(export.resolve("checkpoint"))).startsWith("smolny.test/record\n600\n");
        assertThat(export.resolve("checkpoints/300")).isRegularFile();
    }

    @Test
    void a_flipped_byte_in_an_entry_bundle_is_found_at_that_entry() throws Exception {
        List<byte[]> entries = bundle(1, 256);
        byte[] edited = new String(entries.get(7), StandardCharsets.UTF_8).replace("m-263", "m-264").getBytes(StandardCharsets.UTF_8);
        entries.set(7, edited);
        writeBundle(1, 256, entries);
        AuditReport report = audit();
        assertThat(report.firstBadEntry()).contains(263L);
        assertThat(report.problems().get(0).message()).contains("but the tile tile/0/001 holds another leaf hash");
    }

    @Test
    void a_deleted_entry_is_found_where_the_bundle_falls_short() throws Exception {
        List<byte[]> entries = bundle(0, 256);
        entries.remove(100);
        writeBundle(0, 256, entries);
        AuditReport report = audit();
        assertThat(report.firstBadEntry()).contains(255L);
        assertThat(report.valid()).isFalse();
    }

    @Test
    void two_reordered_entries_are_found_at_the_first_of_them() throws Exception {
        List<byte[]> entries = bundle(2, 88);
        byte[] first = entries.get(3);
        entries.set(3, entries.get(4));
        entries.set(4, first);
        writeBundle(2, 88, entries);
        assertThat(audit().firstBadEntry()).contains(512L + 3);
    }

    @Test
    void a_truncated_export_is_found_from_the_first_missing_entry() throws Exception {
        Files.delete(export.resolve(TilePaths.entries(2, 88)));
        AuditReport report = audit();
        assertThat(report.firstBadEntry()).contains(512L);
        assertThat(report.problems().get(0).message()).isEqualTo("the entry bundle tile/entries/002.p/88 is missing");
    }

    @Test
    void a_replaced_tree_head_is_found_by_its_signature() throws Exception {
        SignerKey impostor = SignerKey.generate("smolny.test/record", KeyType.ED25519);
        Hash forged = TreeHasher.create().hashLeaf(new byte[] {1});
        Files.writeString(export.resolve("checkpoint"), Checkpoint.of("smolny.test/record", 600, forged).sign(LogKey.signer(impostor)).encoded());
        assertThat(audit().problems()).anyMatch(problem -> problem.message().startsWith(
                "the export's checkpoint: its signatures do not verify"));

        // A forged head claiming a trillion entries is refused on its signature, before any work is sized by it.
        Files.writeString(export.resolve("checkpoint"), Checkpoint.of("smolny.test/record", 1_000_000_000_000L, forged)
                .sign(LogKey.signer(impostor)).encoded());
        AuditReport report = audit();
        assertThat(report.entries()).isZero();
        assertThat(report.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .startsWith("the export's checkpoint: its signatures do not verify"));
    }

    @Test
    void a_forked_root_signed_with_the_log_key_is_found() throws Exception {
        Hash forked = TreeHasher.create().hashLeaf("fork".getBytes(StandardCharsets.UTF_8));
        Files.writeString(export.resolve("checkpoint"),
                Checkpoint.of("smolny.test/record", 600, forked).sign(LogKey.signer(RecordFixture.LOG_KEY)).encoded());
        assertThat(audit().problems()).anyMatch(problem -> problem.message().startsWith(
                "the export's checkpoint signs root " + forked + " for size 600, but the entries give root"));
    }

    @Test
    void a_rewritten_history_with_recomputed_tiles_is_found_by_the_earlier_checkpoint() throws Exception {
        // The attacker holds the log key, rewrites entry 5, recomputes every tile and signs a new checkpoint at 600;
        // the checkpoint of size 300 kept in the export (and held by witnesses) no longer matches.
        Path file = folder.resolve("forged.db");
        try (org.smolny.record.RecordLog forged = org.smolny.record.RecordLog.open(StoreConfig.sqlite(file), RecordFixture.LOG_KEY)) {
            for (long i = 0; i < 600; i++) {
                forged.store().append(RecordFixture.entry(i == 5 ? 5005 : i));
            }
            forged.store().append(RecordFixture.entry(0)).get();
        }
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(file))) {
            Hash root = store.root(600);
            store.saveCheckpoint(600, root, Checkpoint.of("smolny.test/record", 600, root).sign(LogKey.signer(RecordFixture.LOG_KEY)).encoded()).get();
        }
        Path history = export.resolve("checkpoints/300");
        byte[] earlier = Files.readAllBytes(history);
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(file))) {
            org.smolny.record.tiles.TileExporter.export(store, export);
        }
        Files.write(history, earlier);
        assertThat(audit().problems()).anyMatch(problem -> problem.message().startsWith("the earlier checkpoint of size 300 signs root"));
    }

    @Test
    void exports_at_tile_boundaries_verify() throws Exception {
        try (org.smolny.record.RecordLog log = org.smolny.record.RecordLog.open(StoreConfig.sqlite(folder.resolve("edges.db")),
                RecordFixture.LOG_KEY)) {
            long appended = 0;
            for (int size : new int[] {0, 1, 255, 256, 257, 512}) {
                java.util.concurrent.CompletableFuture<?> last = java.util.concurrent.CompletableFuture.completedFuture(null);
                for (; appended < size; appended++) {
                    last = log.store().append(RecordFixture.entry(appended));
                }
                last.get();
                log.signCheckpoint();
                Path directory = folder.resolve("edge-" + size);
                TileExporter.export(log.store(), directory);
                AuditReport report = ExportAudit.audit(directory, RecordFixture.VERIFIERS, 2);
                assertThat(report.problems()).as("size " + size).isEmpty();
                assertThat(report.entries()).isEqualTo(size);
                assertThat(report.root()).as("size " + size).isEqualTo(log.store().root(size));
            }
        }
    }

    private List<byte[]> bundle(long index, int width) throws Exception {
        byte[] bytes = Files.readAllBytes(export.resolve(TilePaths.entries(index, width)));
        List<byte[]> entries = new ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            int length = ((bytes[pos] & 0xFF) << 8) | (bytes[pos + 1] & 0xFF);
            entries.add(java.util.Arrays.copyOfRange(bytes, pos + 2, pos + 2 + length));
            pos += 2 + length;
        }
        return entries;
    }

    private void writeBundle(long index, int width, List<byte[]> entries) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] entry : entries) {
            out.write(entry.length >>> 8);
            out.write(entry.length & 0xFF);
            out.write(entry);
        }
        Files.write(export.resolve(TilePaths.entries(index, width)), out.toByteArray());
    }
}
