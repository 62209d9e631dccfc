package org.smolny.bench.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.smolny.record.RecordLog;
import org.smolny.record.audit.AuditReport;
import org.smolny.record.audit.ExportAudit;
import org.smolny.record.json.Entry;
import org.smolny.record.merkle.Hash;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.SignerKey;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.record.tiles.TileExporter;

/**
 * End-to-end figures of the record, printed to standard output:
 * <pre>
 * RecordBench appends DB SECONDS WRITERS [virtual]   durable appends with concurrent writers (platform or virtual
 *                                          threads; prints the disk's raw fsync rate)
 * RecordBench build DB COUNT               appends COUNT entries in large transactions (to make a big record)
 * RecordBench proofs DB SAMPLES            inclusion and consistency proof latency at the record's size
 * RecordBench export DB DIR                signs a checkpoint and exports the record as tlog-tiles
 * RecordBench verify DIR THREADS           recomputes an export from scratch
 * RecordBench verify-db DB                 recomputes a database from scratch (one thread)
 * </pre>
 */
public final class RecordBench {

    private RecordBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "appends" -> appends(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 && args[4].equals("virtual"));
            case "build" -> build(Path.of(args[1]), Long.parseLong(args[2]));
            case "proofs" -> proofs(Path.of(args[1]), Integer.parseInt(args[2]));
            case "export" -> export(Path.of(args[1]), Path.of(args[2]));
            case "verify" -> verify(Path.of(args[1]), Integer.parseInt(args[2]));
            case "verify-db" -> verifyDatabase(Path.of(args[1]));
            default -> {
                System.err.println("usage: RecordBench appends DB SECONDS WRITERS [virtual] | build DB COUNT | proofs DB SAMPLES"
                        + " | export DB DIR | verify DIR THREADS | verify-db DB");
                System.exit(2);
            }
        }
    }

    static Entry entry(long n) {
        return Entry.parse("{\"v\":1,\"type\":\"member.admitted\",\"org\":\"union.example\",\"unit\":\"branch-"
                + (n % 97) + "\",\"at\":\"2026-11-27T10:15:30Z\",\"by\":null,\"body\":{\"member\":\"m-" + n
                + "\",\"cohort\":2026,\"probation\":true}}");
    }

    /** Raw rate of 4 KiB write + fsync on the disk holding {@code folder}, over two seconds. */
    static double fsyncRate(Path folder) throws IOException {
        Path file = Files.createTempFile(folder, "fsync", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(4096);
            for (int i = 0; i < 256; i++) {
                block.clear();
                channel.write(block, i * 4096L);
            }
            channel.force(true);
            long count = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < 2_000_000_000L) {
                block.clear();
                channel.write(block, (count % 256) * 4096);
                channel.force(false);
                count++;
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            Files.delete(file);
        }
    }

    static void appends(Path db, int seconds, int writers, boolean virtual) throws Exception {
        Path folder = db.toAbsolutePath().getParent();
        System.out.printf("raw fsync rate of the disk (4 KiB overwrite + fdatasync, one thread): %.0f /s%n", fsyncRate(folder));
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(db))) {
            long before = store.size();
            LongAdder appended = new LongAdder();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            long[] batchesBefore = {0};
            for (int w = 0; w < writers; w++) {
                long seed = w * 1_000_000_000L;
                Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform();
                threads.add(builder.start(() -> {
                    long n = seed;
                    while (running.get()) {
                        store.append(entry(n++)).join();
                        appended.increment();
                    }
                }));
            }
            Thread.sleep(1000); // warm-up
            long warm = appended.sum();
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long done = appended.sum() - warm;
            double elapsed = (System.nanoTime() - start) / 1e9;
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            System.out.printf("durable appends, %d %s writers, SQLite synchronous=FULL: %.0f /s (%d in %.1f s); mean batch %.1f entries; record %d -> %d%n",
                    writers, virtual ? "virtual-thread" : "platform-thread", done / elapsed, done, elapsed, store.meanBatchSize(), before, store.size());
        }
    }

    static void build(Path db, long count) throws Exception {
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(db))) {
            long start = System.nanoTime();
            long size = store.size();
            long target = size + count;
            int chunk = 100_000;
            java.util.concurrent.CompletableFuture<Long> last = null;
            while (size < target) {
                int n = (int) Math.min(chunk, target - size);
                long first = size;
                List<Entry> entries = new ArrayList<>(n);
                for (long i = first; i < first + n; i++) {
                    entries.add(entry(i));
                }
                if (last != null) {
                    last.get();
                }
                last = store.submit(tx -> {
                    for (Entry entry : entries) {
                        tx.append(entry);
                    }
                    return tx.size();
                });
                size += n;
                if (size % 1_000_000 == 0) {
                    System.out.printf("%d entries, %.0f s%n", size, (System.nanoTime() - start) / 1e9);
                }
            }
            last.get();
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("built %d entries in %.1f s (%.0f /s); record size %d; root %s%n", count, elapsed, count / elapsed,
                    store.size(), store.root(store.size()));
        }
    }

    static void proofs(Path db, int samples) throws Exception {
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(db))) {
            long size = store.size();
            SplittableRandom random = new SplittableRandom(42);
            for (int warm = 0; warm < 2000; warm++) {
                store.inclusionProof(random.nextLong(size), size);
            }
            long[] inclusion = new long[samples];
            long[] consistency = new long[samples];
            for (int i = 0; i < samples; i++) {
                long index = random.nextLong(size);
                long start = System.nanoTime();
                List<Hash> proof = store.inclusionProof(index, size);
                inclusion[i] = System.nanoTime() - start;
                if (proof.isEmpty() && size > 1) {
                    throw new IllegalStateException("empty proof");
                }
            }
            for (int i = 0; i < samples; i++) {
                long old = 1 + random.nextLong(size - 1);
                long start = System.nanoTime();
                store.consistencyProof(old, size);
                consistency[i] = System.nanoTime() - start;
            }
            report("inclusion proof", size, inclusion);
            report("consistency proof", size, consistency);
        }
    }

    private static void report(String what, long size, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf("%s at size %d, %d samples: median %.3f ms, p90 %.3f ms, p99 %.3f ms%n", what, size, nanos.length,
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 9 / 10] / 1e6, nanos[nanos.length * 99 / 100] / 1e6);
    }

    static void export(Path db, Path directory) throws Exception {
        SignerKey key = SignerKey.generate("bench.smolny/record", KeyType.ED25519);
        try (RecordLog log = RecordLog.open(StoreConfig.sqlite(db), key)) {
            log.signCheckpoint();
            Files.writeString(Files.createDirectories(directory).resolve("log.pub"), key.verifierKey().encoded() + "\n");
            long start = System.nanoTime();
            TileExporter.Result result = TileExporter.export(log.store(), directory);
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("exported %d entries (%d files) in %.1f s (%.0f entries/s)%n", result.size(), result.files(), elapsed,
                    result.size() / elapsed);
        }
    }

    static void verifyDatabase(Path db) throws Exception {
        long start = System.nanoTime();
        AuditReport report = org.smolny.record.audit.DatabaseAudit.auditSqlite(db, org.smolny.record.audit.TrustedKeys.none());
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("verified database of %d entries in %.2f s: %.0f entries/s; %s%n", report.entries(), elapsed,
                report.entries() / elapsed, report.valid() ? "VALID" : "INVALID " + report.problems());
    }

    static void verify(Path directory, int threads) throws Exception {
        var verifier = org.smolny.record.audit.TrustedKeys.log(org.smolny.record.LogKey.readPublic(directory.resolve("log.pub")));
        long start = System.nanoTime();
        AuditReport report = ExportAudit.audit(directory, verifier, threads);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("verified export of %d entries with %d threads in %.2f s: %.0f entries/s; %s%n", report.entries(), threads,
                elapsed, report.entries() / elapsed, report.valid() ? "VALID" : "INVALID " + report.problems());
    }
}
