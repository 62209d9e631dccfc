package org.smolny.bench.witness;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.smolny.record.note.Ed25519NoteSigner;
import org.smolny.record.note.Ed25519NoteVerifier;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.NoteVerifiers;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.SignerKey;
import org.smolny.record.witness.Cosigner;
import org.smolny.record.witness.CosignatureVerifier;
import org.smolny.record.witness.KnownLog;
import org.smolny.record.witness.Witness;
import org.smolny.record.witness.WitnessClient;
import org.smolny.record.witness.WitnessServer;

/**
 * End-to-end witness figures: signed-note signing and opening per second, then durable add-checkpoint
 * requests per second over HTTP on 127.0.0.1 (one log submitting serially, then several logs at once).
 * Each request re-submits a checkpoint of the size the witness holds (no proof), which runs the whole path:
 * parse, verify the log signature, fsync the state, cosign, verify the cosignature on the client.
 * Usage: {@code java -cp bench/target/benchmarks.jar org.smolny.bench.witness.WitnessRun [seconds] [logs]}.
 */
public final class WitnessRun {

    private WitnessRun() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int parallelLogs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        System.out.printf("witness benchmark: %d s per phase, %d cores%n", seconds, Runtime.getRuntime().availableProcessors());
        notes(seconds);
        Path data = Files.createTempDirectory("smolny-witness-bench");
        System.out.printf("data folder: %s%n", data);
        try {
            addCheckpoint(data, 1, seconds);
            addCheckpoint(data.resolve("parallel"), parallelLogs, seconds);
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String checkpointText(String origin, long size) {
        byte[] root = new byte[32];
        new SecureRandom().nextBytes(root);
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    private static void notes(int seconds) throws Exception {
        SignerKey key = SignerKey.generate("bench.example/log", KeyType.ED25519);
        Ed25519NoteSigner signer = new Ed25519NoteSigner(key);
        NoteVerifiers verifiers = NoteVerifiers.of(new Ed25519NoteVerifier(key.verifierKey()));
        String text = checkpointText("bench.example/log", 10_000_000);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long signed = 0;
        byte[] note = null;
        while (System.nanoTime() < deadline) {
            note = SignedNote.sign(text, signer).toBytes();
            signed++;
        }
        deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long opened = 0;
        while (System.nanoTime() < deadline) {
            SignedNote.open(note, verifiers);
            opened++;
        }
        System.out.printf("sign checkpoint note (1 thread):  %,.0f /s%n", signed / (double) seconds);
        System.out.printf("open checkpoint note (1 thread):  %,.0f /s (parse + Ed25519 verify)%n", opened / (double) seconds);
    }

    private static void addCheckpoint(Path data, int logs, int seconds) throws Exception {
        SignerKey witnessKey = SignerKey.generate("bench.example/witness", KeyType.COSIGNATURE_V1);
        List<SignerKey> logKeys = new ArrayList<>();
        List<KnownLog> known = new ArrayList<>();
        for (int i = 0; i < logs; i++) {
            SignerKey key = SignerKey.generate("bench.example/log" + i, KeyType.ED25519);
            logKeys.add(key);
            known.add(new KnownLog(key.name(), List.of(key.verifierKey())));
        }
        Witness witness = new Witness(new Cosigner(witnessKey, Clock.systemUTC()), known, data);
        try (WitnessServer server = WitnessServer.start(witness,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "")) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            CosignatureVerifier verifier = new CosignatureVerifier(witnessKey.verifierKey());
            AtomicLong total = new AtomicLong();
            List<long[]> latencies = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            for (SignerKey logKey : logKeys) {
                long[] nanos = new long[200_000];
                latencies.add(nanos);
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        WitnessClient client = new WitnessClient(server.submissionPrefix(), verifier, http, Duration.ofSeconds(30));
                        SignedNote checkpoint = SignedNote.sign(checkpointText(logKey.name(), 1_000_000),
                                new Ed25519NoteSigner(logKey));
                        int count = 0;
                        while (System.nanoTime() < deadline && count < nanos.length) {
                            long start = System.nanoTime();
                            client.addCheckpoint(checkpoint, (a, b) -> List.of());
                            nanos[count++] = System.nanoTime() - start;
                            total.incrementAndGet();
                        }
                        nanos[nanos.length - 1] = count;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            long[] all = latencies.stream().flatMapToLong(n -> Arrays.stream(n, 0, (int) n[n.length - 1])).sorted().toArray();
            System.out.printf("add-checkpoint, %d log(s) at once: %,.0f cosignatures/s durable; latency median %.2f ms, p99 %.2f ms (%d requests)%n",
                    logs, total.get() / (double) seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all.length);
        }
    }

}
