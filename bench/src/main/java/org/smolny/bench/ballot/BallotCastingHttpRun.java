package org.smolny.bench.ballot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.smolny.app.election.ElectionCommand;
import org.smolny.app.trustee.TrusteeCommand;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.ballot.simulate.ElectionSimulator;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import picocli.CommandLine;

/**
 * Ballot casting through HTTP onto the public record, end to end (issue 5: at least 1,000 ballots/s verified and
 * durably on the board, p99 at most 100 ms, on 2 cores). Two steps, so that the load generator costs nothing during
 * the measurement:
 *
 * <ol>
 *   <li>{@code prepare --dir D --ballots N}: makes a data folder template {@code D/template/} holding an empty SQLite
 *   record and an open election {@code elections/casting/} of 5 yes/no questions (key ceremony of one trustee run with
 *   the {@code smolny trustee} and {@code smolny election} commands, N voter credentials), and encrypts N ballots, one
 *   per voter, into {@code D/ballots.jsonl} (ballot spec §10.4, one per line). Not timed.</li>
 *   <li>{@code run --dir D --rate R --seconds S [--warmup-seconds W --warmup-rate WR]}: copies the template to a fresh
 *   data folder, starts the real server in its own JVM ({@code org.smolny.app.Main serve --data … --listen …}: the
 *   record, the council and the ballot boxes exactly as {@code smolny serve} has them), and posts the ballots to
 *   {@code POST /api/ballot/casting/cast} from this JVM with {@link HttpClient} (asynchronous, open loop: ballot i is
 *   sent at start + i/R whatever happened to the others). A ballot's latency runs from its scheduled send time to its
 *   answer (201 only once it is verified and committed on the record). It prints the achieved rate, p50/p99/max, the
 *   server's and the client's CPU time and the load average, downloads the live board export
 *   ({@code GET /ballot/casting/board.jsonl}), then stops the server (Ctrl-C: it writes board.jsonl) and checks that
 *   the export, the record and board.jsonl hold every accepted ballot.</li>
 * </ol>
 *
 * <p>{@code --server-jvm "-XX:StartFlightRecording=filename=/tmp/cast.jfr"} passes options to the server's JVM (for a
 * profile); {@code --restart} starts the server once more on the same record afterwards and times how long it takes
 * to answer (it replays and re-verifies the whole board). The classpath of both JVMs is this jar.
 */
public final class BallotCastingHttpRun {
    static final String ELECTION = "casting";
    static final int QUESTIONS = 5;

    private BallotCastingHttpRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("prepare") || args[0].equals("run"))) {
            System.err.println("usage: BallotCastingHttpRun prepare --dir D --ballots N | run --dir D --rate R --seconds S "
                    + "[--warmup-seconds W] [--warmup-rate WR] [--server-jvm OPTIONS]");
            System.exit(2);
        }
        Path dir = Path.of(stringArg(args, "--dir", "/tmp/smolny-casting-http"));
        if (args[0].equals("prepare")) {
            prepare(dir, intArg(args, "--ballots", 40_000));
        } else {
            System.exit(run(dir, intArg(args, "--rate", 1000), intArg(args, "--seconds", 30),
                    intArg(args, "--warmup-seconds", 10), intArg(args, "--warmup-rate", 400),
                    stringArg(args, "--server-jvm", ""), Arrays.asList(args).contains("--restart")));
        }
    }

    // ------------------------------------------------------------------ prepare

    private static void prepare(Path dir, int ballots) throws IOException {
        long t0 = System.nanoTime();
        deleteTree(dir);
        Path template = dir.resolve("template");
        Path election = template.resolve("elections").resolve(ELECTION);
        Files.createDirectories(election);
        try (RecordStore record = RecordStore.open(StoreConfig.sqlite(template.resolve("record.db")))) {
            record.size();
        }
        P256Group group = P256Group.instance();
        ElectionRecordFiles files = new ElectionRecordFiles(election, group);
        Manifest manifest = ElectionSimulator.yesNoManifest(ELECTION, QUESTIONS, new CeremonyParameters(1, 1));
        files.writeManifest(manifest);
        Path secrets = dir.resolve("trustee-1.secrets");
        for (String step : List.of("generate", "share", "confirm")) {
            List<String> arguments = new ArrayList<>(List.of(step, "--dir", election.toString(), "--secrets", secrets.toString()));
            if (step.equals("generate")) {
                arguments.addAll(List.of("--index", "1"));
            }
            command(new TrusteeCommand(), arguments);
        }
        command(new ElectionCommand(), List.of("open", "--dir", election.toString()));
        ElectionPublicKey key = new ElectionPublicKey(files.readJointKey().jointKey());
        SecureRandom random = new SecureRandom();
        VoterCredential[] voters = new VoterCredential[ballots];
        IntStream.range(0, ballots).parallel().forEach(i -> voters[i] = VoterCredential.generate(group, random));
        files.writeCredentials(Arrays.stream(voters).map(v -> new PublicCredential(v.publicKey(), 1)).toList());
        ProofContext context = new ProofContext(group, manifest.hash());
        RecordCodec codec = new RecordCodec(group);
        String[] lines = new String[ballots];
        IntStream.range(0, ballots).parallel().forEach(i -> lines[i] = RecordCodec.write(codec.ballot(
                BallotEncryptor.encrypt(context, manifest, key, voters[i], List.of(List.of((long) (i % 2)), List.of(1L),
                        List.of((long) (i / 2 % 2)), List.of(0L), List.of((long) (i / 3 % 2))), random).ballot())));
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("ballots.jsonl"), StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
        System.out.printf("prepared %s: an open election of %d yes/no questions with %d voters, and %d encrypted ballots "
                        + "(%d bytes each) in %.1f s%n", dir, QUESTIONS, ballots, ballots, lines[0].length(),
                (System.nanoTime() - t0) / 1e9);
    }

    private static void command(Object command, List<String> arguments) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute(arguments.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException(arguments + " failed: " + err);
        }
    }

    // ------------------------------------------------------------------ run

    private record Phase(String name, int from, int count, int rate) {
    }

    private static int run(Path dir, int rate, int seconds, int warmupSeconds, int warmupRate, String serverJvm,
                           boolean restart) throws Exception {
        List<String> ballots = Files.readAllLines(dir.resolve("ballots.jsonl"), StandardCharsets.UTF_8);
        Phase warmup = new Phase("warm-up", 0, warmupSeconds * warmupRate, warmupRate);
        Phase measured = new Phase("measured", warmup.count(), rate * seconds, rate);
        if (warmup.count() + measured.count() > ballots.size()) {
            System.err.printf("%s holds %d ballots; this run needs %d (prepare more with --ballots)%n",
                    dir.resolve("ballots.jsonl"), ballots.size(), warmup.count() + measured.count());
            return 2;
        }
        Path data = dir.resolve("data-" + System.currentTimeMillis());
        copyTree(dir.resolve("template"), data);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!serverJvm.isBlank()) {
            command.addAll(Arrays.asList(serverJvm.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.smolny.app.Main", "serve",
                "--data", data.toString(), "--listen", "127.0.0.1:" + port));
        Path serverLog = data.resolve("server.log");
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
        int exit = 1;
        try {
            URI cast = URI.create("http://127.0.0.1:" + port + "/api/ballot/" + ELECTION + "/cast");
            awaitServer(server, URI.create("http://127.0.0.1:" + port + "/api/ballot/" + ELECTION), serverLog);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(10)).build();
            System.out.printf("server (smolny serve, JDK %s, default JVM options%s) pid %d on port %d; %d cores; machine load "
                            + "average %.2f (1 min) before the run%n", Runtime.version(), serverJvm.isBlank() ? "" : " + " + serverJvm,
                    server.pid(), port, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            long accepted = 0;
            for (Phase phase : List.of(warmup, measured)) {
                if (phase.count() == 0) {
                    continue;
                }
                Result r = phase(http, cast, ballots, phase, server);
                accepted += r.accepted();
                System.out.println(r.describe(phase));
                if (phase == measured) {
                    exit = r.accepted() == phase.count() ? 0 : 1;
                }
            }
            // the live board export, while the server runs: every accepted ballot, one line each
            long d0 = System.nanoTime();
            HttpResponse<java.io.InputStream> board = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/ballot/" + ELECTION + "/board.jsonl")).build(), HttpResponse.BodyHandlers.ofInputStream());
            long downloadedLines = 0;
            long downloadedBytes = 0;
            try (java.io.InputStream in = board.body()) {
                byte[] chunk = new byte[1 << 16];
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                    downloadedBytes += n;
                    for (int i = 0; i < n; i++) {
                        if (chunk[i] == '\n') {
                            downloadedLines++;
                        }
                    }
                }
            }
            System.out.printf("live export GET /ballot/%s/board.jsonl: status %d, %d lines, %.1f MB in %.2f s%n", ELECTION,
                    board.statusCode(), downloadedLines, downloadedBytes / 1e6, (System.nanoTime() - d0) / 1e9);
            if (board.statusCode() != 200 || downloadedLines != accepted) {
                System.out.println("the live board export does not hold every accepted ballot");
                exit = 1;
            }
            server.destroy(); // SIGTERM: the server closes its boxes (writing board.jsonl) and the record
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            long onRecord;
            try (RecordStore record = RecordStore.open(StoreConfig.sqlite(data.resolve("record.db")))) {
                onRecord = record.size();
            }
            long boardLines;
            try (Stream<String> lines = Files.lines(data.resolve("elections").resolve(ELECTION).resolve("board.jsonl"))) {
                boardLines = lines.count();
            }
            System.out.printf("after the server stopped: %d ballots accepted, %d entries on the record, %d lines in board.jsonl%n",
                    accepted, onRecord, boardLines);
            if (onRecord != accepted || boardLines != accepted) {
                System.out.println("NOT every accepted ballot is on the record and the board");
                exit = 1;
            }
            if (restart) {
                // the server replays the board from the record at start, checking every proof and tracking code again
                long r0 = System.nanoTime();
                server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
                awaitServer(server, URI.create("http://127.0.0.1:" + port + "/api/ballot/" + ELECTION), serverLog);
                System.out.printf("restarted on the same record: answering after %.1f s (%d ballots replayed and verified), "
                        + "server CPU %.1f s%n", (System.nanoTime() - r0) / 1e9, accepted, cpuSeconds(server));
                server.destroy();
                server.waitFor(60, TimeUnit.SECONDS);
            }
        } finally {
            if (server.isAlive()) {
                server.destroyForcibly();
            }
            if (exit == 0) {
                deleteTree(data);
            } else {
                System.out.println("kept the data folder for inspection: " + data + " (server log " + serverLog + ")");
            }
        }
        return exit;
    }

    private record Result(int sent, long accepted, double seconds, long[] latencyNanos, double serverCpu, double clientCpu,
                          double loadAfter, String firstFailure) {
        String describe(Phase phase) {
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return String.format("%s: offered %d ballots/s for %d ballots; %d accepted (201); achieved %.0f ballots/s "
                            + "(%.2f s from the first send to the last answer); latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms; server CPU %.1f s = %.0f %% of 2 cores (%.2f ms per ballot); client CPU %.1f s; "
                            + "load average %.2f (1 min) at the end%s",
                    phase.name(), phase.rate(), n, accepted, n / seconds, seconds, sorted[n / 2] / 1e6,
                    sorted[(int) Math.ceil(n * 0.90) - 1] / 1e6, sorted[(int) Math.ceil(n * 0.99) - 1] / 1e6,
                    sorted[n - 1] / 1e6, serverCpu, 100 * serverCpu / (2 * seconds), 1000 * serverCpu / n, clientCpu,
                    loadAfter, firstFailure == null ? "" : "; first failure: " + firstFailure);
        }
    }

    private static Result phase(HttpClient http, URI cast, List<String> ballots, Phase phase, Process server)
            throws Exception {
        int n = phase.count();
        long[] latency = new long[n];
        int[] status = new int[n];
        String[] failure = new String[1];
        CompletableFuture<?>[] done = new CompletableFuture<?>[n];
        byte[][] bodies = new byte[n][];
        for (int i = 0; i < n; i++) {
            bodies[i] = ballots.get(phase.from() + i).getBytes(StandardCharsets.UTF_8);
        }
        double serverCpu0 = cpuSeconds(server);
        double clientCpu0 = clientCpuSeconds();
        long start = System.nanoTime() + 5_000_000;
        long[] lastAnswer = new long[1];
        for (int i = 0; i < n; i++) {
            long due = start + (long) i * 1_000_000_000L / phase.rate();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            HttpRequest request = HttpRequest.newBuilder(cast).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(bodies[i])).build();
            done[i] = http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
                long now = System.nanoTime();
                latency[index] = now - due;
                synchronized (lastAnswer) {
                    lastAnswer[0] = Math.max(lastAnswer[0], now);
                    if (error != null || response.statusCode() != 201) {
                        if (failure[0] == null) {
                            failure[0] = error != null ? error.toString() : response.statusCode() + " " + response.body();
                        }
                    } else {
                        status[index] = 201;
                    }
                }
                return null;
            });
        }
        CompletableFuture.allOf(done).join();
        double seconds;
        synchronized (lastAnswer) {
            seconds = (lastAnswer[0] - start) / 1e9;
        }
        long accepted = Arrays.stream(status).filter(s -> s == 201).count();
        return new Result(n, accepted, seconds, latency, cpuSeconds(server) - serverCpu0, clientCpuSeconds() - clientCpu0,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), failure[0]);
    }

    private static void awaitServer(Process server, URI probe, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(probe).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not answer within 120 s: " + Files.readString(log));
    }

    /** CPU time of a process (user + system) from /proc/PID/stat, in seconds. */
    private static double cpuSeconds(Process process) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after the command: state(0) ... utime(11) stime(12), in clock ticks (100 per second on Linux)
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static double clientCpuSeconds() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime() / 1e9;
    }

    // ------------------------------------------------------------------ files and arguments

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name, null);
        return value == null ? fallback : Integer.parseInt(value);
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
