package org.smolny.bench.congress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.smolny.council.command.Command;
import org.smolny.council.congress.AgendaItem;
import org.smolny.council.congress.CongressCommand;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.ConveningKind;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.PersonalData;
import org.smolny.council.motion.MotionText;
import org.smolny.council.shell.Accounts;
import org.smolny.council.shell.CommandResult;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitId;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.web.WebServer;
import org.smolny.web.WebSettings;
import org.smolny.web.auth.PasswordHasher;
import org.smolny.web.auth.Sessions;
import org.smolny.web.congress.CongressBroadcaster;
import org.smolny.web.congress.CongressFeature;
import org.smolny.web.council.CouncilApi;

/**
 * End-to-end run of the congress over HTTP: a real server (Javalin, the council service, a SQLite file in a temporary
 * folder) and, in the same process, {@code clients} connections following the congress by server-sent events, as
 * many delegates' pages would. Every delegate casts a card vote (through the council service), the chair closes the
 * vote over the HTTP API, and the run measures how long until every connected client has the result. Then, with
 * the clients still connected, it requests the hall and the projector pages at a fixed rate (open loop) and reports
 * the latency percentiles. Traffic goes only to 127.0.0.1.
 *
 * <pre>
 * java -Xmx2g -cp bench/target/benchmarks.jar org.smolny.bench.congress.CongressWebRun [delegates] [clients] [pages-per-second] [seconds]
 * java -Xmx2g -cp bench/target/benchmarks.jar org.smolny.bench.congress.CongressWebRun 2000 2000 200 15
 * </pre>
 */
public final class CongressWebRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "the chair's long password";

    private CongressWebRun() {
    }

    public static void main(String[] args) throws Exception {
        int delegates = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        System.out.printf("congress web run: %d delegates, %d SSE clients, pages at %d/s for %d s; %d processors, java %s%n",
                delegates, clients, rate, seconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Path folder = Files.createTempDirectory("smolny-congress-web-");
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(folder.resolve("smolny.sqlite")))) {
            CouncilService council = CouncilService.open(store, (InstantSource) now::get);
            long start = System.nanoTime();
            Setup setup = setUp(council, now, delegates);
            report("set-up: units, members, elections, credentials, votes", delegates, System.nanoTime() - start);

            PasswordHasher hasher = new PasswordHasher();
            Accounts accounts = new Accounts(council);
            accounts.create(new Accounts.Account("chair", setup.chair, hasher.hash(PASSWORD), false));
            Sessions sessions = new Sessions(accounts, hasher, InstantSource.system());
            try (CongressBroadcaster broadcaster = new CongressBroadcaster();
                 WebServer server = WebServer.start(new WebSettings("127.0.0.1", 0, "Congress run"),
                         List.of(new CouncilApi(council, sessions, hasher), new CongressFeature(council, sessions, broadcaster)))) {
                String base = "http://127.0.0.1:" + server.port();
                String congress = setup.congress.toString();
                Followers followers = new Followers(base + "/congress/" + congress + "/events", clients);
                start = System.nanoTime();
                followers.connect();
                report("SSE clients connected", clients, System.nanoTime() - start);
                System.out.printf("  the server counts %d followers%n", broadcaster.following(congress));

                HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
                String csrf = signIn(http, base);
                HttpRequest close = HttpRequest.newBuilder(URI.create(base + "/api/congress/close-vote"))
                        .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("congress", congress).toString())).build();
                long sent = System.nanoTime();
                HttpResponse<String> closed = http.send(close, HttpResponse.BodyHandlers.ofString());
                long answered = System.nanoTime();
                if (closed.statusCode() != 200) {
                    throw new IllegalStateException("close-vote answered " + closed.statusCode() + ": " + closed.body());
                }
                if (!followers.results.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(followers.results.getCount() + " clients never received the result");
                }
                long[] arrivals = followers.arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("card vote closed over HTTP: committed and answered in %.1f ms%n", (answered - sent) / 1e6);
                System.out.printf("result on every one of %d clients: last %.1f ms after the close was sent (p50 %.1f, p95 %.1f ms)%n",
                        arrivals.length, (arrivals[arrivals.length - 1] - sent) / 1e6, (percentile(arrivals, 50) - sent) / 1e6,
                        (percentile(arrivals, 95) - sent) / 1e6);
                System.out.println("  " + followers.lastData);
                Thread.sleep(6_500);
                long[] refreshes = followers.refreshes.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("hall pages fetched again after the change, as live.js does after a result (0-5 s random delay): %d of %d, %d failed;"
                                + " p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", refreshes.length, clients, followers.refreshFailures.size(),
                        percentile(refreshes, 50) / 1e6, percentile(refreshes, 95) / 1e6,
                        refreshes.length == 0 ? 0 : refreshes[refreshes.length - 1] / 1e6);

                pages(http, base, congress, rate, seconds, clients);
                followers.close();
            }
        } finally {
            deleteAll(folder);
        }
    }

    /** The congress and its chair, with the vote open and every seat voted. */
    private record Setup(CongressId congress, MemberId chair) {
    }

    private static Setup setUp(CouncilService council, AtomicReference<Instant> now, int delegates) throws IOException {
        run(council, new StatutesCommand.AdoptStatutes(Files.readString(Path.of("docs/examples/national-union.toml"))), null);
        UnitId national = UnitId.generate(now.get());
        run(council, new UnitCommand.FoundUnit(national, "national", null, "National"), null);
        UnitId region = UnitId.generate(now.get());
        run(council, new UnitCommand.FoundUnit(region, "region", national, "Region"), null);
        List<UnitId> branches = new ArrayList<>();
        List<CompletableFuture<CommandResult>> pending = new ArrayList<>();
        for (int index = 0; index < delegates; index++) {
            UnitId branch = UnitId.generate(now.get());
            branches.add(branch);
            pending.add(council.executeAsync(new UnitCommand.FoundUnit(branch, "branch", region, "Branch " + index), null));
        }
        joinAll(pending);
        int perBranch = 3;
        List<List<MemberId>> members = new ArrayList<>();
        for (int index = 0; index < delegates; index++) {
            List<MemberId> branchMembers = new ArrayList<>();
            for (int member = 0; member < perBranch + (index % 4); member++) {
                MemberId id = MemberId.generate(now.get());
                branchMembers.add(id);
                pending.add(council.admitAsync(id, branches.get(index), new PersonalData("Member " + index + "." + member, "", ""),
                        new VoteTally(12, 12, 12, 0, 0), null));
            }
            members.add(branchMembers);
        }
        joinAll(pending);
        now.updateAndGet(instant -> instant.plus(Duration.ofDays(181)));
        List<ElectionId> elections = new ArrayList<>();
        for (int index = 0; index < delegates; index++) {
            ElectionId election = ElectionId.generate(now.get());
            elections.add(election);
            pending.add(council.executeAsync(new ElectionCommand.ScheduleElection(election, "congress-delegate", branches.get(index), 1,
                    now.get().plus(Duration.ofDays(14))), null));
        }
        joinAll(pending);
        List<CompletableFuture<CommandResult>> held = new ArrayList<>();
        for (int index = 0; index < delegates; index++) {
            List<MemberId> electors = members.get(index);
            held.add(council.executeAsync(new ElectionCommand.HoldOpenElection(elections.get(index),
                    electors.stream().map(voter -> new Ballot(voter, List.of(electors.getFirst()))).toList()), null));
        }
        List<MandateId> mandates = new ArrayList<>();
        for (CompletableFuture<CommandResult> future : held) {
            CommandResult.Recorded recorded = recorded(future.join());
            mandates.add(recorded.entries().stream().map(entry -> entry.entry().event()).filter(CouncilEvent.MandateConferred.class::isInstance)
                    .map(CouncilEvent.MandateConferred.class::cast).findFirst().orElseThrow().mandate());
        }
        MemberId chair = members.getFirst().get(1);
        CongressId congress = CongressId.generate(now.get());
        run(council, new CongressCommand.ConveneCongress(congress, national, ConveningKind.REGULAR, "congress-delegate", null, chair,
                now.get().plus(Duration.ofDays(7))), null);
        for (MandateId mandate : mandates) {
            pending.add(council.executeAsync(new CongressCommand.AccreditDelegate(congress, mandate), chair));
        }
        joinAll(pending);
        now.updateAndGet(instant -> instant.plus(Duration.ofDays(7)));
        run(council, new CongressCommand.OpenCongress(congress), chair);
        run(council, new CongressCommand.AdoptAgenda(congress, List.of(new AgendaItem("Motions", 240, 3))), chair);
        run(council, new CongressCommand.TakeItem(congress, 1), chair);
        MotionId motion = MotionId.generate(now.get());
        run(council, new CongressCommand.TableMotion(congress, motion, 1, "A 35-hour week",
                new MotionText(List.of("Congress demands a 35-hour week.", "Congress instructs the executive to negotiate.")),
                DecisionType.ORDINARY, null), members.getFirst().getFirst());
        run(council, new CongressCommand.OpenVote(congress, motion, null, VoteMode.CARD), chair);
        for (int index = 0; index < delegates; index++) {
            pending.add(council.executeAsync(new CongressCommand.CastVote(congress, index % 3 == 0 ? Position.AGAINST : Position.FOR),
                    members.get(index).getFirst()));
        }
        joinAll(pending);
        return new Setup(congress, chair);
    }

    /** The clients following the congress: each counts down once it has the result. */
    private static final class Followers {
        private final String url;
        private final int count;
        private final List<HttpClient> clients = new ArrayList<>();
        private final List<CompletableFuture<HttpResponse<Void>>> streams = new ArrayList<>();
        final CountDownLatch connected;
        final CountDownLatch results;
        final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> refreshes = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Integer> refreshFailures = new ConcurrentLinkedQueue<>();
        private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();
        private final String hall;
        volatile String lastData;

        Followers(String url, int count) {
            this.url = url;
            this.hall = url.substring(0, url.length() - "/events".length());
            this.count = count;
            this.connected = new CountDownLatch(count);
            this.results = new CountDownLatch(count);
        }

        void connect() throws InterruptedException {
            for (int index = 0; index < 8; index++) {
                clients.add(HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build());
            }
            for (int index = 0; index < count; index++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET().build();
                streams.add(clients.get(index % clients.size()).sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Lines())));
            }
            if (!connected.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(connected.getCount() + " clients could not connect");
            }
        }

        void close() {
            refresher.shutdownNow();
            streams.forEach(stream -> stream.cancel(true));
            clients.forEach(HttpClient::shutdownNow);
        }

        /** One stream's lines, as an EventSource reads them. */
        private final class Lines implements Flow.Subscriber<String> {
            private final HttpClient client = clients.get(streams.size() % clients.size());
            private boolean inResult;
            private boolean done;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (line.startsWith(": following")) {
                    connected.countDown();
                } else if (line.equals("event: result")) {
                    inResult = true;

                } else if (inResult && line.startsWith("data: ") && !done) {
                    done = true;
                    arrivals.add(System.nanoTime());
                    lastData = line.substring(6);
                    results.countDown();
                    long delay = java.util.concurrent.ThreadLocalRandom.current().nextLong(5_000_000_000L);
                    refresher.schedule(this::refresh, delay, TimeUnit.NANOSECONDS);
                }
            }

            private void refresh() {
                long due = System.nanoTime();
                HttpRequest request = HttpRequest.newBuilder(URI.create(hall)).header("Accept", "text/html").GET().build();
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    if (failure != null || response.statusCode() != 200) {
                        refreshFailures.add(failure != null ? -1 : response.statusCode());
                    } else {
                        refreshes.add(System.nanoTime() - due);
                    }
                });
            }

            @Override
            public void onError(Throwable failure) {
            }

            @Override
            public void onComplete() {
            }
        }
    }

    private static void pages(HttpClient http, String base, String congress, int rate, int seconds, int clients) throws InterruptedException {
        List<String> paths = List.of("/congress/" + congress, "/congress/" + congress + "/projector");
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        for (int index = 0; index < total; index++) {
            String path = paths.get(index % paths.size());
            long due = begin + index * periodNanos;
            pacer.schedule(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build();
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    if (failure != null || response.statusCode() != 200) {
                        failures.add(failure != null ? -1 : response.statusCode());
                    }
                    latencies.add(System.nanoTime() - due);
                    done.countDown();
                });
            }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        done.await(seconds + 60L, TimeUnit.SECONDS);
        pacer.shutdownNow();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("pages (hall, projector) at %d/s for %d s, open loop, %d SSE clients connected: %d requests, %d failed;"
                        + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", rate, seconds, clients, sorted.length, failures.size(),
                percentile(sorted, 50) / 1e6, percentile(sorted, 95) / 1e6, percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static String signIn(HttpClient http, String base) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("login", "chair").put("password", PASSWORD).toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("sign-in answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode session = JSON.readTree(answer.body());
        return session.path("csrfToken").asText();
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void run(CouncilService council, Command command, MemberId by) {
        recorded(council.execute(command, by));
    }

    private static CommandResult.Recorded recorded(CommandResult result) {
        if (result instanceof CommandResult.Recorded recorded) {
            return recorded;
        }
        throw new IllegalStateException("refused: " + ((CommandResult.Refused) result).reason());
    }

    private static void joinAll(List<CompletableFuture<CommandResult>> pending) {
        for (CompletableFuture<CommandResult> future : pending) {
            recorded(future.join());
        }
        pending.clear();
    }

    private static void report(String what, long count, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("%-55s %,9d in %8.3f s%n", what, count, seconds);
    }

    private static void deleteAll(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
