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
import org.smolny.ballot.tally.Submission;

/**
 * Ballot casting throughput (docs/benchmarks-ballot.md): N ballots of 5 yes/no selections, encrypted beforehand (not
 * timed), are cast in batches of B through {@link BallotBoard#castAll}: every proof verified (batched), appended to a
 * board.jsonl and fsynced per batch before the batch is acknowledged. Prints ballots/s and batch latency percentiles;
 * a ballot's latency is at most its batch's latency plus the time it waited for the batch to fill.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.smolny.bench.ballot.BallotCastingBench
 * --ballots 4000 --batch 200 --threads 2}
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
