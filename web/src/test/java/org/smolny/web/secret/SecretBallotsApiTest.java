package org.smolny.web.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.ballot.decrypt.Decryption;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.keyceremony.EncryptedShare;
import org.smolny.ballot.keyceremony.KeyCeremony;
import org.smolny.ballot.keyceremony.ShareCheck;
import org.smolny.ballot.keyceremony.TrusteeAnnouncement;
import org.smolny.ballot.keyceremony.TrusteeSecrets;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.record.JointKeyRecord;
import org.smolny.ballot.tally.BallotBoard;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.council.congress.AgendaItem;
import org.smolny.council.congress.Congress;
import org.smolny.council.congress.CongressCommand;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.ConveningKind;
import org.smolny.council.congress.Seat;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.PersonalData;
import org.smolny.council.motion.MotionText;
import org.smolny.council.secret.SecretBallot;
import org.smolny.council.secret.SecretBallotCommand;
import org.smolny.council.secret.SecretQuestions;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public state of a secret congress vote over HTTP, on a real server and a real SQLite record: while it is open
 * (tellers, credentials, voting page, no count), and once decided (the board verified, the counts by position).
 */
class SecretBallotsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path folder;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
    private RecordStore store;
    private WebServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static void ok(CommandResult result) {
        assertThat(result).as(result.toString()).isInstanceOf(CommandResult.Recorded.class);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_secret_votes_tellers_credentials_and_once_decided_its_counts_are_public_and_no_voters_choice_is() throws Exception {
        store = RecordStore.open(StoreConfig.sqlite(folder.resolve("smolny.sqlite")));
        CouncilService council = CouncilService.open(store, () -> now.get());
        server = WebServer.start(new WebSettings("127.0.0.1", 0, "General Union"), List.of(new SecretBallotsApi(council)));

        // a congress of three branches' delegates (Docks 4 members, Depot 3, Harbour 2) in session on a motion
        ok(council.execute(new StatutesCommand.AdoptStatutes(Files.readString(Path.of("../docs/examples/national-union.toml"))), null));
        UnitId national = UnitId.generate(now.get());
        ok(council.execute(new UnitCommand.FoundUnit(national, "national", null, "The union"), null));
        UnitId north = UnitId.generate(now.get());
        ok(council.execute(new UnitCommand.FoundUnit(north, "region", national, "North"), null));
        List<List<MemberId>> branches = new ArrayList<>();
        List<UnitId> units = new ArrayList<>();
        int admitted = 0;
        for (int size : new int[] {4, 3, 2}) {
            UnitId branch = UnitId.generate(now.get());
            ok(council.execute(new UnitCommand.FoundUnit(branch, "branch", north, "Branch " + size), null));
            List<MemberId> own = new ArrayList<>();
            for (int index = 0; index < size; index++) {
                MemberId member = MemberId.generate(now.get());
                admitted++;
                ok(council.admit(member, branch, new PersonalData("Member " + admitted, "m" + admitted + "@example.org", ""),
                        new VoteTally(10, 8, 8, 0, 0), null));
                own.add(member);
            }
            branches.add(own);
            units.add(branch);
        }
        now.set(now.get().plus(Duration.ofDays(181)));
        for (int index = 0; index < units.size(); index++) {
            ElectionId election = ElectionId.generate(now.get());
            ok(council.execute(new ElectionCommand.ScheduleElection(election, "congress-delegate", units.get(index), 1,
                    now.get().plus(Duration.ofDays(14))), null));
            MemberId delegate = branches.get(index).getFirst();
            ok(council.execute(new ElectionCommand.HoldOpenElection(election,
                    branches.get(index).stream().map(voter -> new Ballot(voter, List.of(delegate))).toList()), null));
        }
        MemberId chair = branches.get(0).get(1);
        CongressId congress = CongressId.generate(now.get());
        ok(council.execute(new CongressCommand.ConveneCongress(congress, national, ConveningKind.REGULAR, "congress-delegate", null,
                chair, now.get().plus(Duration.ofDays(7))), null));
        for (Mandate.Active mandate : council.read(state -> List.copyOf(state.mandates().activeOfPost("congress-delegate")))) {
            ok(council.execute(new CongressCommand.AccreditDelegate(congress, mandate.id()), chair));
        }
        now.set(now.get().plus(Duration.ofDays(7)));
        ok(council.execute(new CongressCommand.OpenCongress(congress), chair));
        ok(council.execute(new CongressCommand.AdoptAgenda(congress, List.of(new AgendaItem("Hours", 60, 3))), chair));
        ok(council.execute(new CongressCommand.TakeItem(congress, 1), chair));
        MotionId motion = MotionId.generate(now.get());
        ok(council.execute(new CongressCommand.TableMotion(congress, motion, 1, "A 32-hour week",
                MotionText.of("Congress calls for a 32-hour week."), DecisionType.ORDINARY, null), branches.get(0).getFirst()));

        // the tellers' key ceremony for the question, and a credential per seat
        Congress sitting = council.read(state -> state.congresses().find(congress).orElseThrow());
        Manifest manifest = council.read(state -> SecretQuestions.congressVote("hours", state.congresses().find(congress).orElseThrow(),
                motion, null, new CeremonyParameters(2, 2)));
        ProofContext context = new ProofContext(P256Group.instance(), manifest.hash());
        List<TrusteeSecrets> trustees = new ArrayList<>();
        List<TrusteeAnnouncement> announcements = new ArrayList<>();
        for (int index = 1; index <= 2; index++) {
            TrusteeSecrets trustee = KeyCeremony.generate(context, manifest.trustees(), index, RANDOM);
            trustees.add(trustee);
            announcements.add(KeyCeremony.announce(context, trustee, RANDOM));
        }
        List<EncryptedShare> shares = new ArrayList<>();
        for (TrusteeSecrets trustee : trustees) {
            shares.addAll(KeyCeremony.shares(context, trustee, announcements, RANDOM));
        }
        Map<Integer, GroupElement> keys = new TreeMap<>();
        GroupElement joint = null;
        for (int index = 0; index < trustees.size(); index++) {
            TrusteeSecrets trustee = trustees.get(index);
            ShareCheck.Accepted accepted = (ShareCheck.Accepted) KeyCeremony.receive(context, manifest.trustees(), trustee, announcements,
                    shares.stream().filter(share -> share.recipient() == trustee.index()).toList());
            trustees.set(index, trustee.withKeyShare(accepted.keyShare()));
            keys.put(trustee.index(), accepted.verificationKey());
            joint = accepted.jointKey();
        }
        ElectionPublicKey key = new ElectionPublicKey(joint);
        List<VoterCredential> voters = new ArrayList<>();
        List<PublicCredential> credentials = new ArrayList<>();
        for (Seat seat : sitting.seats()) {
            VoterCredential voter = VoterCredential.generate(P256Group.instance(), RANDOM);
            voters.add(voter);
            credentials.add(new PublicCredential(voter.publicKey(), seat.cards()));
        }
        List<MemberId> tellers = List.of(branches.get(0).get(2), branches.get(1).get(2));
        ok(council.execute(new SecretBallotCommand.OpenSecretVote("hours", congress, motion, null, VoteMode.CARD, manifest,
                new JointKeyRecord(joint, keys), credentials, tellers), chair));

        JsonNode open = JSON.readTree(get("/api/secret-ballots/hours").body());
        assertThat(open.path("phase").asText()).isEqualTo("open");
        assertThat(open.path("kind").asText()).isEqualTo("congress-vote");
        assertThat(open.path("weighting").asText()).isEqualTo("card");
        assertThat(open.path("credentials").asInt()).isEqualTo(3);
        assertThat(open.path("totalWeight").asLong()).isEqualTo(9);
        assertThat(open.path("tellers").get(0).asText()).isEqualTo(tellers.get(0).toString());
        assertThat(open.path("votingPage").asText()).isEqualTo("/ballot/hours");
        assertThat(open.has("counts")).isFalse();

        // the delegates vote: the first two seats for, the third against; the box closes; both tellers decrypt
        BallotBoard board = new BallotBoard(context, manifest, key, credentials);
        for (int index = 0; index < voters.size(); index++) {
            List<Long> marks = index < 2 ? List.of(1L, 0L, 0L) : List.of(0L, 1L, 0L);
            board.cast(BallotEncryptor.encrypt(context, manifest, key, voters.get(index), List.of(marks), RANDOM).ballot());
        }
        ok(council.execute(new SecretBallotCommand.CloseBallotBox("hours", board.entries()), chair));
        EncryptedTally tally = ((SecretBallot.BoxClosed) council.read(state -> state.secretBallots().find("hours").orElseThrow().phase())).tally();
        List<PartialDecryption> partials = trustees.stream()
                .map(trustee -> Decryption.partial(context, trustee.index(), trustee.keyShare().orElseThrow(), tally, RANDOM)).toList();
        ok(council.execute(new SecretBallotCommand.DecryptBallot("hours", tally, partials), chair));

        HttpResponse<String> decided = get("/api/secret-ballots/hours");
        JsonNode result = JSON.readTree(decided.body());
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(result.path("phase").asText()).isEqualTo("decrypted");
        assertThat(result.path("boardEntries").asInt()).isEqualTo(3);
        assertThat(result.path("votersCounted").asInt()).isEqualTo(3);
        long cardsFor = sitting.seats().stream().limit(2).mapToLong(Seat::cards).sum();
        assertThat(result.path("counts").path("for").asLong()).isEqualTo(cardsFor);
        assertThat(result.path("counts").path("against").asLong()).isEqualTo(9 - cardsFor);
        assertThat(result.path("counts").path("abstain").asLong()).isZero();
        assertThat(decided.body()).doesNotContain(branches.get(0).getFirst().toString());
        assertThat(JSON.readTree(get("/api/secret-ballots").body()).path("secretBallots").get(0).path("id").asText()).isEqualTo("hours");
        HttpResponse<String> missing = get("/api/secret-ballots/no-such-vote");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
