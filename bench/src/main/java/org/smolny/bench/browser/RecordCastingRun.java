package org.smolny.bench.browser;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.ballot.simulate.ElectionSimulator;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.web.WebServer;
import org.smolny.web.WebSettings;
import org.smolny.web.ballot.BallotBox;
import org.smolny.web.ballot.BallotPages;
import org.smolny.web.ballot.OpenElection;

/**
 * Casting through the web onto the public record (issue 5: at least 1,000 ballots/s verified and durably on the board,
 * p99 at most 100 ms). N ballots of 5 yes/no selections are encrypted beforehand (not timed); then they are posted to
 * {@code POST /api/ballot/{election}/cast} as voters' devices do, at a fixed rate (open loop), each on its own
 * virtual thread. The server parses each ballot, batch-verifies concurrent ones ({@code BallotIntake}), appends them to
 * the SQLite record (WAL, synchronous=FULL) and answers once they are durable. Prints achieved ballots/s, latency
 * percentiles (request sent to answer received), the process's CPU time, and checks the record holds every ballot.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.smolny.bench.browser.RecordCastingRun --ballots 3000 --rate 500}
 * ({@code --direct}: the same ballots handed straight to {@link BallotBox#cast}, without HTTP, to separate the costs).
 */
public final class RecordCastingRun {

    private RecordCastingRun() {
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    public static void main(String[] args) throws Exception {
        int n = intArg(args, "--ballots", 3000);
        int rate = intArg(args, "--rate", 500);
        boolean direct = java.util.Arrays.asList(args).contains("--direct");
        P256Group group = P256Group.instance();
        SecureRandom random = new SecureRandom();
        Manifest manifest = ElectionSimulator.yesNoManifest("casting-web", 5, new CeremonyParameters(1, 1));
        ElectionPublicKey key = new ElectionPublicKey(group.powerOfGenerator(group.randomSecret(random)));
        List<VoterCredential> voters = new ArrayList<>();
        List<PublicCredential> credentials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            VoterCredential v = VoterCredential.generate(group, random);
            voters.add(v);
            credentials.add(new PublicCredential(v.publicKey(), 1));
        }
        OpenElection election = new OpenElection("casting-web", manifest, key, credentials);
        RecordCodec codec = new RecordCodec(group);
        String[] bodies = new String[n];
        IntStream.range(0, n).parallel().forEach(i -> bodies[i] = RecordCodec.write(codec.ballot(BallotEncryptor.encrypt(
                election.proofContext(), manifest, key, voters.get(i),
                List.of(List.of(1L), List.of(0L), List.of((long) (i % 2)), List.of(0L), List.of(1L)), random).ballot())));
        Path folder = Files.createTempDirectory("smolny-casting-");
        try (RecordStore record = RecordStore.open(StoreConfig.sqlite(folder.resolve("record.db")));
             BallotBox box = new BallotBox(election, record, "Bench", Clock.systemUTC());
             WebServer server = WebServer.start(new WebSettings("127.0.0.1", 0, "Bench"), List.of(new BallotPages(List.of(box))));
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            URI cast = URI.create("http://127.0.0.1:" + server.port() + "/api/ballot/casting-web/cast");
            long[] latencies = new long[n];
            int[] statuses = new int[n];
            long cpuBefore = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long due = start + (long) i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int index = i;
                done.add(clients.submit(() -> {
                    long sent = System.nanoTime();
                    if (direct) {
                        BallotBox.Outcome outcome = box.cast(RecordCodec.parse("ballot", bodies[index]));
                        statuses[index] = outcome instanceof BallotBox.Outcome.Accepted ? 201 : 422;
                    } else {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(cast).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies[index])).build(), HttpResponse.BodyHandlers.ofString());
                        statuses[index] = response.statusCode();
                    }
                    latencies[index] = System.nanoTime() - sent;
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime() - cpuBefore) / 1e9;
            long accepted = Arrays.stream(statuses).filter(s -> s == 201).count();
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            System.out.printf("cast %s onto the SQLite record: %d ballots offered at %d/s, %d accepted, record size %d%n",
                    direct ? "straight into the ballot box (no HTTP)" : "through HTTP", n, rate, accepted, record.size());
            System.out.printf("achieved %.0f ballots/s over %.2f s; latency p50 %.0f ms, p99 %.0f ms, max %.0f ms; process CPU %.1f s (%.0f %% of 2 cores); load average %.1f%n",
                    n / seconds, seconds, sorted[n / 2] / 1e6, sorted[Math.min(n - 1, (int) (n * 0.99))] / 1e6, sorted[n - 1] / 1e6,
                    cpu, 100 * cpu / (2 * seconds), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (accepted != n || record.size() != n) {
                System.out.println("NOT every ballot is on the record");
                System.exit(1);
            }
        }
    }
}
