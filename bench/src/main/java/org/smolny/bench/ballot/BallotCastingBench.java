package org.smolny.bench.ballot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.EncryptedBallot;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.record.BoardFileSink;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.ballot.simulate.ElectionSimulator;
import org.smolny.ballot.tally.BallotBoard;
import org.smolny.ballot.tally.BallotIntake;
import org.smolny.ballot.tally.Submission;

/**
 * Ballot casting throughput (docs/benchmarks.md): N ballots of 5 yes/no selections, encrypted beforehand (not
 * timed), are cast in batches of B through {@link BallotBoard#castAll}: every proof verified (batched), appended to a
 * board.jsonl and fsynced per batch before the batch is acknowledged. Prints ballots/s and batch latency percentiles;
 * a ballot's latency is at most its batch's latency plus the time it waited for the batch to fill.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.smolny.bench.ballot.BallotCastingBench
 * --ballots 4000 --batch 200 --threads 2} (back-to-back batches), or with {@code --rate 1000 --batch 100
 * --max-wait-ms 20} (open-loop submissions at a fixed rate through {@link BallotIntake}, per-ballot latency).
 */
public final class BallotCastingBench {
    private BallotCastingBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = intArg(args, "--ballots", 4000);
        int batchSize = intArg(args, "--batch", 200);
        int threads = intArg(args, "--threads", 2);
        Group group = P256Group.instance();
        SecureRandom random = new SecureRandom();
        Manifest manifest = ElectionSimulator.yesNoManifest("casting-bench", 5, new CeremonyParameters(1, 1));
        ProofContext context = new ProofContext(group, manifest.hash());
        ElectionPublicKey key = new ElectionPublicKey(group.powerOfGenerator(group.randomSecret(random)));
        List<VoterCredential> voters = new ArrayList<>();
        List<PublicCredential> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            VoterCredential v = VoterCredential.generate(group, random);
            voters.add(v);
            list.add(new PublicCredential(v.publicKey(), 1));
        }
        long t0 = System.nanoTime();
        EncryptedBallot[] ballots = new EncryptedBallot[n];
        IntStream.range(0, n).parallel().forEach(i -> ballots[i] = BallotEncryptor.encrypt(context, manifest, key,
                voters.get(i), List.of(List.of(1L), List.of(0L), List.of(1L), List.of(0L), List.of(1L)),
                new SecureRandom()).ballot());
        System.out.printf("encrypted %d ballots beforehand in %.1f s (not part of the measurement)%n", n,
                (System.nanoTime() - t0) / 1e9);

        int rate = intArg(args, "--rate", 0);
        if (rate > 0) {
            intake(context, manifest, key, list, ballots, rate, batchSize, intArg(args, "--max-wait-ms", 20));
            return;
        }
        Path dir = Files.createTempDirectory("smolny-casting");
        Path boardFile = dir.resolve("board.jsonl");
        long accepted = 0;
        long c0;
        double[] latencies = new double[(n + batchSize - 1) / batchSize];
        try (BoardFileSink sink = new BoardFileSink(boardFile, new RecordCodec(group))) {
            BallotBoard board = new BallotBoard(context, manifest, key, list, sink);
            // warm-up on a copy of the first batch against a throw-away board
            new BallotBoard(context, manifest, key, list).castAll(Arrays.asList(ballots).subList(0,
                    Math.min(batchSize, n)), threads);
            t0 = System.nanoTime();
            c0 = cpuNanos();
            for (int b = 0; b * batchSize < n; b++) {
                long s = System.nanoTime();
                List<Submission> results = board.castAll(Arrays.asList(ballots).subList(b * batchSize,
                        Math.min(n, (b + 1) * batchSize)), threads);
                latencies[b] = (System.nanoTime() - s) / 1e6;
                accepted += results.stream().filter(r -> r instanceof Submission.Accepted).count();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (cpuNanos() - c0) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("cast %d ballots (%d accepted) in batches of %d on %d threads: %.2f s, %.0f ballots/s "
                        + "verified and fsynced; batch latency p50 %.0f ms, p99 %.0f ms, max %.0f ms; board file %d MB%n",
                n, accepted, batchSize, threads, seconds, n / seconds, latencies[latencies.length / 2],
                latencies[Math.min(latencies.length - 1, (int) Math.ceil(latencies.length * 0.99) - 1)],
                latencies[latencies.length - 1], Files.size(boardFile) >> 20);
        System.out.printf("CPU %.2f s: %.0f ballots/s on %d dedicated cores (CPU time / %d)%n", cpuSeconds,
                n / (cpuSeconds / threads), threads, threads);
        Files.delete(boardFile);
        Files.delete(dir);
    }

    /**
     * Open-loop load: ballots are submitted to a {@link BallotIntake} at a fixed rate, as voters would, and each
     * ballot's latency is measured from submission until it is verified, on the board and fsynced.
     */
    private static void intake(ProofContext context, Manifest manifest, ElectionPublicKey key,
                               List<PublicCredential> list, EncryptedBallot[] ballots, int rate, int maxBatch,
                               int maxWaitMs) throws Exception {
        Path dir = Files.createTempDirectory("smolny-intake");
        Path boardFile = dir.resolve("board.jsonl");
        int n = ballots.length;
        double[] latencies = new double[n];
        java.util.concurrent.CompletableFuture<?>[] done = new java.util.concurrent.CompletableFuture<?>[n];
        long t0;
        long c0;
        long[] finished = new long[1];
        try (BoardFileSink sink = new BoardFileSink(boardFile, new RecordCodec(P256Group.instance()));
             BallotIntake intake = new BallotIntake(new BallotBoard(context, manifest, key, list, sink), maxBatch,
                     java.time.Duration.ofMillis(maxWaitMs), 2)) {
            t0 = System.nanoTime();
            c0 = cpuNanos();
            for (int i = 0; i < n; i++) {
                long due = t0 + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                long submitted = System.nanoTime();
                int index = i;
                done[i] = intake.submit(ballots[i]).thenAccept(r -> {
                    long now = System.nanoTime();
                    latencies[index] = (now - submitted) / 1e6;
                    synchronized (finished) {
                        finished[0] = Math.max(finished[0], now);
                    }
                    if (!(r instanceof Submission.Accepted)) {
                        throw new IllegalStateException("rejected: " + r);
                    }
                });
            }
            java.util.concurrent.CompletableFuture.allOf(done).get();
        }
        double seconds = (finished[0] - t0) / 1e9;
        double cpu = (cpuNanos() - c0) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("offered %d ballots/s for %d ballots (batches up to %d, wait up to %d ms, 2 dispatchers): "
                        + "%.0f ballots/s verified and fsynced; latency p50 %.0f ms, p99 %.0f ms, max %.0f ms; "
                        + "CPU %.1f s (%.0f%% of 2 cores)%n", rate, n, maxBatch, maxWaitMs, n / seconds,
                latencies[n / 2], latencies[(int) Math.ceil(n * 0.99) - 1], latencies[n - 1], cpu,
                100 * cpu / (2 * seconds));
        Files.delete(boardFile);
        Files.delete(dir);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
