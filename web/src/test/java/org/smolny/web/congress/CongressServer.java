package org.smolny.web.congress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * A real server with the council API and the congress feature on a real SQLite file, and the national union of
 * {@code docs/examples/national-union.toml} made ready for its congress: four branches of different sizes (Docks 30,
 * Harbour 20, Airport 15, Warehouse 8: 73 members) past probation, a congress delegate elected in each, a chair from
 * Harbour, and sign-in accounts for the chair, the delegates and an ordinary member. The setup goes through the
 * council service (it is not what these tests are about); everything at the congress goes over HTTP.
 */
public final class CongressServer implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery";

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
    final Path database;
    final RecordStore store;
    final CouncilService council;
    final CongressBroadcaster broadcaster = new CongressBroadcaster();
    public final WebServer server;
    final UnitId national;
    final Map<String, UnitId> branches = new LinkedHashMap<>();
    final Map<String, List<MemberId>> members = new LinkedHashMap<>();
    final Map<String, MandateId> delegateMandates = new LinkedHashMap<>();
    final MemberId chair;
    private final UnionSetup setup;
    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1); // weakened Argon2id, for test speed only

    public CongressServer(Path folder) {
        database = folder.resolve("smolny.sqlite");
        store = RecordStore.open(StoreConfig.sqlite(database));
        InstantSource clock = () -> now.get();
        council = CouncilService.open(store, clock);
        setup = new UnionSetup(council, now);
        setup.system(new StatutesCommand.AdoptStatutes(UnionSetup.nationalUnionStatutes()));
        national = setup.found("national", null, "General Union");
        UnitId north = setup.found("region", national, "North");
        UnitId south = setup.found("region", national, "South");
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("Docks", 30);
        sizes.put("Harbour", 20);
        sizes.put("Airport", 15);
        sizes.put("Warehouse", 8);
        List<CompletableFuture<CommandResult>> admissions = new ArrayList<>();
        for (Map.Entry<String, Integer> branch : sizes.entrySet()) {
            UnitId unit = setup.found("branch", branch.getKey().equals("Harbour") || branch.getKey().equals("Airport") ? south : north, branch.getKey());
            branches.put(branch.getKey(), unit);
            List<MemberId> admitted = new ArrayList<>();
            for (int index = 0; index < branch.getValue(); index++) {
                MemberId member = MemberId.generate(now.get());
                admitted.add(member);
                admissions.add(council.admitAsync(member, unit, new PersonalData(branch.getKey() + " member " + index, "", ""),
                        new VoteTally(12, 12, 12, 0, 0), null));
            }
            members.put(branch.getKey(), admitted);
        }
        admissions.forEach(admission -> UnionSetup.require(admission.join()));
        now.updateAndGet(instant -> instant.plus(Duration.ofDays(181)));
        for (String branch : branches.keySet()) {
            delegateMandates.put(branch, setup.elect("congress-delegate", branches.get(branch), delegate(branch), members.get(branch)));
        }
        chair = members.get("Harbour").get(5);
        Accounts accounts = new Accounts(council);
        accounts.create(new Accounts.Account("chair", chair, hasher.hash(PASSWORD), false));
        accounts.create(new Accounts.Account("admin", null, hasher.hash(PASSWORD), true));
        for (String branch : branches.keySet()) {
            accounts.create(new Accounts.Account(login(branch), delegate(branch), hasher.hash(PASSWORD), false));
        }
        accounts.create(new Accounts.Account("member", members.get("Docks").get(7), hasher.hash(PASSWORD), false));
        Sessions sessions = new Sessions(accounts, hasher, InstantSource.system());
        server = WebServer.start(new WebSettings("127.0.0.1", 0, "General Union"),
                List.of(new CouncilApi(council, sessions, hasher), new CongressFeature(council, sessions, broadcaster)));
    }

    /** The delegate of {@code branch}. */
    MemberId delegate(String branch) {
        return members.get(branch).getFirst();
    }

    /** The login of {@code branch}'s delegate. */
    static String login(String branch) {
        return branch.toLowerCase(java.util.Locale.ROOT);
    }

    public HttpMember signIn(String login) {
        return new HttpMember(server.port()).signedIn(login, PASSWORD);
    }

    public HttpMember anonymous() {
        return new HttpMember(server.port());
    }

    /** The number of entries on the record now. */
    long recordSize() {
        return store.size();
    }

    /** A body with the congress's id. */
    public static ObjectNode on(String congress) {
        return HttpMember.JSON.createObjectNode().put("congress", congress);
    }

    /** Schedules an election of {@code seats} seats of {@code post} in the whole union; returns its id. */
    String scheduleElection(String post, int seats) {
        ElectionId election = ElectionId.generate(now.get());
        setup.system(new ElectionCommand.ScheduleElection(election, post, national, seats, now.get().plus(Duration.ofDays(30))));
        return election.toString();
    }

    void passDays(long days) {
        now.updateAndGet(instant -> instant.plus(Duration.ofDays(days)));
    }

    /** Convenes a regular congress of the union opening tomorrow, with no delegate accredited yet; returns its id. */
    public String conveneCongress() {
        return signIn("admin").act("convene-congress", HttpMember.JSON.createObjectNode().put("unit", national.toString())
                        .put("kind", "regular").put("delegatePost", "congress-delegate").put("chair", chair.toString())
                        .put("opensAt", now.get().plus(Duration.ofDays(1)).toString()))
                .path("entries").get(0).path("entry").path("body").path("congress").asText();
    }

    /** Convenes, accredits, opens, adopts a one-item agenda, takes it and has Docks table a motion; returns the congress. */
    public String openCongressWithMotion() {
        HttpMember admin = signIn("admin");
        HttpMember presiding = signIn("chair");
        String congress = admin.act("convene-congress", HttpMember.JSON.createObjectNode().put("unit", national.toString())
                        .put("kind", "regular").put("delegatePost", "congress-delegate").put("chair", chair.toString())
                        .put("opensAt", now.get().plus(Duration.ofDays(1)).toString()))
                .path("entries").get(0).path("entry").path("body").path("congress").asText();
        for (String branch : branches.keySet()) {
            presiding.act("accredit-delegate", CongressServer.on(congress).put("mandate", delegateMandates.get(branch).toString()));
        }
        passDays(1);
        presiding.act("open-congress", CongressServer.on(congress));
        ObjectNode agenda = CongressServer.on(congress);
        agenda.putArray("items").add(HttpMember.JSON.createObjectNode().put("title", "Policy").put("minutes", 60).put("speakingMinutes", 3));
        presiding.act("adopt-agenda", agenda);
        presiding.act("take-item", CongressServer.on(congress).put("item", 1));
        ObjectNode table = CongressServer.on(congress).put("item", 1).put("title", "Free bus passes").put("decision", "ordinary");
        table.putArray("text").add("Congress demands free bus passes for night shifts.");
        signIn("docks").act("table-motion", table);
        return congress;
    }

    /** The member's name, from the erasable person table. */
    String name(MemberId member) {
        return council.person(member).map(PersonalData::name).orElseThrow();
    }

    @Override
    public void close() {
        server.close();
        broadcaster.close();
        store.close();
    }
}
