package org.smolny.bench.ballot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.simulate.StreamingElectionSimulator;
import org.smolny.ballot.simulate.SimulationParameters;
import org.smolny.verify.election.ElectionVerifier;
import org.smolny.verify.election.VerificationReport;

/**
 * End-to-end benchmark of election verification (docs/benchmarks.md): simulates (or reuses) an election record
 * of N ballots × S yes/no selections, verifies it with batch verification, and verifies a smaller record one proof
 * equation at a time in the same run as the baseline; both are extrapolated to 1,589,000 ballots.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.smolny.bench.ballot.ElectionVerificationBench
 * --ballots 10000 --selections 5 --baseline 1000 --threads 2 --chunk 16384 --dir /tmp/election-10k}
 */
public final class ElectionVerificationBench {
    private static final long TARGET_BALLOTS = 1_589_000L;

    private ElectionVerificationBench() {
    }

    public static void main(String[] args) throws Exception {
        int ballots = intArg(args, "--ballots", 10_000);
        int selections = intArg(args, "--selections", 5);
        int baseline = intArg(args, "--baseline", 1_000);
        int threads = intArg(args, "--threads", 2);
        int chunk = intArg(args, "--chunk", 16_384);
        Path dir = Path.of(stringArg(args, "--dir", "/tmp/smolny-election-" + ballots + "x" + selections));
        System.out.printf("machine: %d cores visible to the JVM, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        ensureRecord(dir, ballots, selections, threads);
        Path baselineDir = Path.of(dir + "-baseline-" + baseline);
        ensureRecord(baselineDir, baseline, selections, threads);

        // warm-up on the small record, so that both measurements run compiled code
        ElectionVerifier.verify(baselineDir, new ElectionVerifier.Options(ElectionVerifier.Mode.BATCH, threads, chunk,
                List.of()));

        System.out.printf("load average before the baseline: %.2f%n", loadAverage());
        System.gc();
        resetPeakHeap();
        LIVE.set(0);
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        VerificationReport one = ElectionVerifier.verify(baselineDir,
                new ElectionVerifier.Options(ElectionVerifier.Mode.ONE_AT_A_TIME, threads, chunk, List.of()));
        double oneSeconds = (System.nanoTime() - t0) / 1e9;
        double oneCpu = (cpuNanos() - c0) / 1e9;
        report("one-at-a-time (baseline)", one, baseline, selections, oneSeconds, oneCpu, threads);

        System.out.printf("  peak heap during the baseline: %d MiB used, at most %d MiB right after a collection%n",
                peakHeapMiB(),
                LIVE.getAndSet(0) >> 20);
        System.out.printf("load average before the batch run: %.2f%n", loadAverage());
        System.gc();
        resetPeakHeap();
        LIVE.set(0);
        t0 = System.nanoTime();
        c0 = cpuNanos();
        VerificationReport batch = ElectionVerifier.verify(dir,
                new ElectionVerifier.Options(ElectionVerifier.Mode.BATCH, threads, chunk, List.of()));
        double batchSeconds = (System.nanoTime() - t0) / 1e9;
        double batchCpu = (cpuNanos() - c0) / 1e9;
        report("batch", batch, ballots, selections, batchSeconds, batchCpu, threads);
        System.out.printf("  peak heap during the batch run: %d MiB used, at most %d MiB right after a collection; load average "
                + "after it: %.2f%n", peakHeapMiB(), LIVE.get() >> 20, loadAverage());
        System.out.printf("speed-up of batch over one-at-a-time: %.1fx (wall), %.1fx (CPU)%n",
                (oneSeconds / baseline) / (batchSeconds / ballots), (oneCpu / baseline) / (batchCpu / ballots));
        if (!one.valid() || !batch.valid()) {
            System.out.println("VERIFICATION FAILED");
            System.out.println(batch.valid() ? one.render() : batch.render());
            System.exit(1);
        }
    }

    /**
     * Prints wall time and process CPU time. On a machine shared with other work the wall time includes waiting for a
     * core; CPU time / threads is what the same run takes on that many dedicated cores (if it parallelises fully).
     */
    private static void report(String what, VerificationReport r, int ballots, int selections, double seconds,
                               double cpuSeconds, int threads) {
        double perBallotMs = seconds * 1000 / ballots;
        double cpuPerBallotMs = cpuSeconds * 1000 / ballots;
        System.out.printf("%s: %d ballots x %d selections verified in %.2f s wall, %.2f s CPU, %d threads (%s); "
                        + "%.3f ms/ballot wall, %.4f ms/selection wall, %.4f ms/selection CPU; %d equations%n",
                what, ballots, selections, seconds, cpuSeconds, threads, r.valid() ? "valid" : "INVALID",
                perBallotMs, perBallotMs / selections, cpuPerBallotMs / selections, r.proofRelations());
        System.out.printf("  extrapolated to %,d ballots: %.1f min wall at this run's rate; %.1f min on %d dedicated "
                        + "cores (CPU time / %d)%n", TARGET_BALLOTS, perBallotMs * TARGET_BALLOTS / 60_000,
                cpuPerBallotMs * TARGET_BALLOTS / 60_000 / threads, threads, threads);
    }

    /**
     * The largest heap occupancy right after a garbage collection (heap pools, from every collection's notification):
     * the live data plus any old garbage that collection left (a young collection leaves the old generation as it is),
     * so an upper bound of the live data; a GC log (-Xlog:gc) shows the occupancy after full and mixed collections.
     */
    private static final java.util.concurrent.atomic.AtomicLong LIVE = new java.util.concurrent.atomic.AtomicLong();

    static {
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (java.lang.management.GarbageCollectorMXBean gc
                : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (notification.getType().equals(
                        com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) notification.getUserData());
                    long used = 0;
                    for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(e.getKey())) {
                            used += e.getValue().getUsed();
                        }
                    }
                    LIVE.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void resetPeakHeap() {
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peak usage since the last reset (an upper bound of the live heap's peak). */
    private static long peakHeapMiB() {
        long bytes = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void ensureRecord(Path dir, int ballots, int selections, int threads) {
        if (Files.isRegularFile(dir.resolve(ElectionRecordFiles.DECRYPTION))) {
            System.out.printf("reusing the election record in %s%n", dir);
            return;
        }
        long t0 = System.nanoTime();
        StreamingElectionSimulator.simulate(new SimulationParameters(ballots, selections, 3, 2, 0, 0, 1, threads),
                new ElectionRecordFiles(dir, P256Group.instance()), new SecureRandom(), written -> { });
        System.out.printf("simulated %d ballots x %d selections into %s in %.1f s%n", ballots, selections, dir,
                (System.nanoTime() - t0) / 1e9);
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
