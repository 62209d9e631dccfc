package org.smolny.web.congress;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.PersonalData;
import org.smolny.council.shell.Accounts;
import org.smolny.council.shell.CommandResult;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitId;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.web.WebServer;
import org.smolny.web.WebSettings;
import org.smolny.web.auth.PasswordHasher;
import org.smolny.web.auth.Sessions;
import org.smolny.web.council.CouncilApi;

/**
 * The union of the congress scenario, on a real SQLite file behind a real server (council API, congress pages, API
 * and events): the statutes of {@code docs/examples/national-union.toml} with a post of congress alternates added;
 * four branches (Docks 30, Harbour 20, Airport 15, Warehouse 8: 73 members past probation), each of which has elected
 * its congress delegate, and Docks also its alternate; five members standing for the national executive; and
 * sign-in accounts for the administrator, the chair, each delegate, Docks's alternate and a Warehouse member who
 * holds no mandate. Everything before the congress is set up through the council service, as the branches would
 * have done it; the congress itself is left to the tests.
 *
 * <p>Not thread-safe: one per test.
 */
final class ScenarioUnion implements AutoCloseable {

    static final String PASSWORD = "correct horse battery";

    /** The post of congress alternates, added to the example statutes (which have none). */
    private static final String ALTERNATE_POST = """

            [[posts]]
            name = "congress-alternate"      # takes an absent congress delegate's seat
            unit_type = "branch"
            elective = true
            electorate = "branch-members"
            term_months = 24
            seats = 1
            """;

    /** The branches and their sizes: the cards their delegate carries. */
    static final Map<String, Integer> BRANCHES = Map.of("Docks", 30, "Harbour", 20, "Airport", 15, "Warehouse", 8);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
    private final RecordStore store;
    final CouncilService council;
    private final CongressBroadcaster broadcaster = new CongressBroadcaster();
    final WebServer server;
    final UnitId national;
    final Map<String, List<MemberId>> members = new LinkedHashMap<>();
    final Map<String, MandateId> delegateMandates = new LinkedHashMap<>();
    final MandateId docksAlternateMandate;
    final MemberId chair;
    /** The candidates for the national executive, by the name they are shown with: Docks member 10 is "Docks member 10". */
    final Map<String, MemberId> candidates = new LinkedHashMap<>();
    private final UnionSetup setup;
    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1); // weakened Argon2id, for test speed only

    ScenarioUnion(Path folder) {
        store = RecordStore.open(StoreConfig.sqlite(folder.resolve("smolny.sqlite")));
        council = CouncilService.open(store, now::get);
        setup = new UnionSetup(council, now);
        setup.system(new StatutesCommand.AdoptStatutes(UnionSetup.nationalUnionStatutes() + ALTERNATE_POST));
        national = setup.found("national", null, "General Union");
        UnitId north = setup.found("region", national, "North");
        UnitId south = setup.found("region", national, "South");
        Map<String, UnitId> branches = new LinkedHashMap<>();
        List<CompletableFuture<CommandResult>> admissions = new ArrayList<>();
        for (String branch : List.of("Docks", "Harbour", "Airport", "Warehouse")) {
            UnitId unit = setup.found("branch", branch.equals("Harbour") || branch.equals("Airport") ? south : north, branch);
            branches.put(branch, unit);
            List<MemberId> admitted = new ArrayList<>();
            for (int index = 0; index < BRANCHES.get(branch); index++) {
                MemberId member = MemberId.generate(now.get());
                admitted.add(member);
                admissions.add(council.admitAsync(member, unit, new PersonalData(branch + " member " + index, "", ""),
                        new VoteTally(12, 12, 12, 0, 0), null));
            }
            members.put(branch, admitted);
        }
        admissions.forEach(admission -> UnionSetup.require(admission.join()));
        passDays(181);
        for (String branch : branches.keySet()) {
            delegateMandates.put(branch, setup.elect("congress-delegate", branches.get(branch), delegate(branch), members.get(branch)));
        }
        docksAlternateMandate = setup.elect("congress-alternate", branches.get("Docks"), docksAlternate(), members.get("Docks"));
        chair = members.get("Harbour").get(5);
        for (String candidate : List.of("Docks member 10", "Docks member 11", "Harbour member 10", "Airport member 10", "Warehouse member 3")) {
            String[] words = candidate.split(" ");
            candidates.put(candidate, members.get(words[0]).get(Integer.parseInt(words[2])));
        }
        Accounts accounts = new Accounts(council);
        accounts.create(new Accounts.Account("admin", null, hasher.hash(PASSWORD), true));
        accounts.create(new Accounts.Account("chair", chair, hasher.hash(PASSWORD), false));
        for (String branch : branches.keySet()) {
            accounts.create(new Accounts.Account(login(branch), delegate(branch), hasher.hash(PASSWORD), false));
        }
        accounts.create(new Accounts.Account("docks-alternate", docksAlternate(), hasher.hash(PASSWORD), false));
        accounts.create(new Accounts.Account("claimant", claimant(), hasher.hash(PASSWORD), false));
        Sessions sessions = new Sessions(accounts, hasher, InstantSource.system());
        server = WebServer.start(new WebSettings("127.0.0.1", 0, "General Union"),
                List.of(new CouncilApi(council, sessions, hasher), new CongressFeature(council, sessions, broadcaster)));
    }

    /** The delegate {@code branch} elected to congress (its member 0). */
    MemberId delegate(String branch) {
        return members.get(branch).getFirst();
    }

    /** Docks's elected alternate (Docks member 1). */
    MemberId docksAlternate() {
        return members.get("Docks").get(1);
    }

    /** A Warehouse member who turns up at congress without any mandate (Warehouse member 5). */
    MemberId claimant() {
        return members.get("Warehouse").get(5);
    }

    /** The member who signs in as {@code login} (a delegate's branch in lower case, "docks-alternate", "chair" or "claimant"). */
    MemberId account(String login) {
        return switch (login) {
            case "docks-alternate" -> docksAlternate();
            case "chair" -> chair;
            case "claimant" -> claimant();
            default -> delegate(login.substring(0, 1).toUpperCase(Locale.ROOT) + login.substring(1));
        };
    }

    /** The login of {@code branch}'s delegate. */
    static String login(String branch) {
        return branch.toLowerCase(Locale.ROOT);
    }

    /** The name a member is shown with (from the person table). */
    String name(MemberId member) {
        return council.person(member).orElseThrow().name();
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpMember signIn(String login) {
        return new HttpMember(server.port()).signedIn(login, PASSWORD);
    }

    HttpMember anonymous() {
        return new HttpMember(server.port());
    }

    /** The number of entries on the record now. */
    long recordSize() {
        return store.size();
    }

    Instant now() {
        return now.get();
    }

    void passDays(long days) {
        now.updateAndGet(instant -> instant.plus(Duration.ofDays(days)));
    }

    /** Schedules the election of {@code seats} seats of the national executive; returns its id. */
    String scheduleExecutiveElection(int seats) {
        ElectionId election = ElectionId.generate(now.get());
        setup.system(new ElectionCommand.ScheduleElection(election, "national-executive", national, seats, now.get().plus(Duration.ofDays(30))));
        return election.toString();
    }

    @Override
    public void close() {
        server.close();
        broadcaster.close();
        store.close();
    }
}
