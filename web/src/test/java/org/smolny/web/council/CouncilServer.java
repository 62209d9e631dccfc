package org.smolny.web.council;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smolny.council.shell.Accounts;
import org.smolny.council.shell.CouncilService;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.web.WebServer;
import org.smolny.web.WebSettings;
import org.smolny.web.auth.PasswordHasher;
import org.smolny.web.auth.Sessions;
import org.smolny.web.congress.CongressBroadcaster;
import org.smolny.web.congress.CongressFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real server with the council API on a real SQLite file, a movable clock, and the national union of the example
 * statutes founded through the API by its administrator: national, regions North and South, branches Docks and
 * Depot (North) and Harbour (South).
 */
public final class CouncilServer implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery";
    public static final ObjectMapper JSON = new ObjectMapper();

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
    final InstantSource clock = () -> now.get();
    final Path database;
    public final RecordStore store;
    final CouncilService council;
    public final WebServer server;
    public final Client admin;
    public String national;
    public String north;
    public String south;
    public String docks;
    public String depot;
    public String harbour;
    private int members;

    private final CongressBroadcaster broadcaster = new CongressBroadcaster();

    public CouncilServer(Path folder) {
        database = folder.resolve("smolny.sqlite");
        store = RecordStore.open(StoreConfig.sqlite(database));
        council = CouncilService.open(store, clock);
        // weakened Argon2id parameters, for test speed only; the server's default is 19 MiB and 2 passes
        PasswordHasher hasher = new PasswordHasher(1024, 1, 1);
        Sessions sessions = new Sessions(new Accounts(council), hasher, InstantSource.system());
        new Accounts(council).create(new Accounts.Account("admin", null, hasher.hash(PASSWORD), true));
        server = WebServer.start(new WebSettings("127.0.0.1", 0, "General Union"), List.of(new CouncilApi(council, sessions, hasher), new CouncilPages(council, sessions),
                new CongressFeature(council, sessions, broadcaster)));
        admin = client();
        admin.signIn("admin", PASSWORD);
    }

    public Client client() {
        return new Client(server.port());
    }

    /** Adopts the example statutes and founds the tree of units. */
    public CouncilServer founded() {
        ObjectNode statutes = JSON.createObjectNode();
        statutes.put("text", read(Path.of("../docs/examples/national-union.toml")));
        admin.ok("/api/council/adopt-statutes", statutes);
        national = found("national", null, "The whole union");
        north = found("region", national, "North");
        south = found("region", national, "South");
        docks = found("branch", north, "Docks");
        depot = found("branch", north, "Depot");
        harbour = found("branch", south, "Harbour");
        return this;
    }

    String found(String type, String parent, String name) {
        ObjectNode body = JSON.createObjectNode().put("unitType", type).put("parent", parent).put("name", name);
        return admin.ok("/api/council/found-unit", body).path("entries").get(0).path("entry").path("body").path("unit").asText();
    }

    /** Admits a member to {@code unit} by the administrator, by a unanimous vote; returns the member id. */
    public String admit(String unit) {
        members++;
        ObjectNode body = JSON.createObjectNode().put("unit", unit).put("name", "Member " + members)
                .put("email", "member" + members + "@example.org");
        body.set("unitVote", unanimous(12));
        return admin.ok("/api/council/admit-member", body).path("entries").get(0).path("entry").path("body").path("member").asText();
    }

    public List<String> admit(String unit, int count) {
        List<String> admitted = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            admitted.add(admit(unit));
        }
        return admitted;
    }

    /** Creates a sign-in account for a member (password {@link #PASSWORD}); returns its login. */
    public String account(String member) {
        String login = "m-" + member.substring(member.length() - 12);
        admin.ok("/api/council/accounts", JSON.createObjectNode().put("login", login).put("password", PASSWORD).put("member", member));
        return login;
    }

    /** A signed-in client for a member, with an account created by the administrator. */
    public Client member(String member) {
        String login = account(member);
        Client client = client();
        client.signIn(login, PASSWORD);
        return client;
    }

    public void passDays(long days) {
        now.updateAndGet(instant -> instant.plus(Duration.ofDays(days)));
    }

    public void passProbation() {
        passDays(181);
    }

    /** Elects {@code candidate} to one seat of {@code post} in {@code unit}, every voter for them; returns the mandate id. */
    public String elect(Client officer, String post, String unit, String candidate, List<String> voters) {
        ObjectNode schedule = JSON.createObjectNode().put("post", post).put("unit", unit).put("seats", 1)
                .put("holdBy", now.get().plus(Duration.ofDays(14)).toString());
        String election = officer.ok("/api/council/schedule-election", schedule).path("entries").get(0).path("entry").path("body")
                .path("election").asText();
        ObjectNode hold = JSON.createObjectNode().put("election", election);
        var ballots = hold.putArray("ballots");
        for (String voter : voters) {
            ObjectNode ballot = ballots.addObject().put("voter", voter);
            ballot.putArray("candidates").add(candidate);
        }
        JsonNode entries = officer.ok("/api/council/hold-open-election", hold).path("entries");
        for (JsonNode entry : entries) {
            if (entry.path("type").asText().equals("mandate.conferred")) {
                return entry.path("entry").path("body").path("mandate").asText();
            }
        }
        throw new AssertionError("the election conferred no mandate: " + entries);
    }

    static ObjectNode unanimous(int entitled) {
        return vote(entitled, entitled, entitled, 0, 0);
    }

    static ObjectNode vote(int entitled, int present, int inFavour, int against, int abstentions) {
        return JSON.createObjectNode().put("entitled", entitled).put("present", present).put("inFavour", inFavour)
                .put("against", against).put("abstentions", abstentions);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        broadcaster.close();
        store.close();
    }
}
