package org.smolny.app.election;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.app.SmolnyCli;
import org.smolny.app.serve.RecordServer;
import org.smolny.app.serve.ServedElections;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.council.congress.AgendaItem;
import org.smolny.council.congress.CongressCommand;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.ConveningKind;
import org.smolny.council.congress.Motion;
import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.PersonalData;
import org.smolny.council.motion.MotionText;
import org.smolny.council.shell.CommandResult;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitId;
import org.smolny.record.store.RecordStore;
import org.smolny.web.ballot.BallotBox;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret card vote of a congress done for real with the commands: the manifest, the tellers' key ceremony with
 * {@code smolny trustee}, the opening with the credentials drawn and the ballot box put in the data folder, ballots
 * cast through the server's ballot box onto the record, the close, the tellers' decryption and the decision — and a
 * teller's forged partial decryption refused with nothing recorded.
 */
class SecretVoteCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    @TempDir
    Path tellers;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().minus(Duration.ofDays(300)));
    private final Map<String, MemberId> delegates = new LinkedHashMap<>();
    private final List<MemberId> tellerIds = new ArrayList<>();
    private MemberId chair;
    private CongressId congress;
    private MotionId motion;
    private String organisation;
    private UnitId docks;
    private List<MemberId> docksMembers;

    private static CommandResult.Recorded recorded(CommandResult result) {
        assertThat(result).isInstanceOf(CommandResult.Recorded.class);
        return (CommandResult.Recorded) result;
    }

    /** Three branches (Docks 5 members, Depot 3, Harbour 2), a delegate elected in each, the congress in session on a motion. */
    private void congressInSession() throws Exception {
        try (RecordStore store = RecordServer.openStore(data)) {
            CouncilService council = CouncilService.open(store, () -> now.get());
            organisation = council.org().toString();
            recorded(council.execute(new StatutesCommand.AdoptStatutes(Files.readString(Path.of("../docs/examples/national-union.toml"))), null));
            UnitId national = UnitId.generate(now.get());
            recorded(council.execute(new UnitCommand.FoundUnit(national, "national", null, "The union"), null));
            UnitId north = UnitId.generate(now.get());
            recorded(council.execute(new UnitCommand.FoundUnit(north, "region", national, "North"), null));
            Map<String, List<MemberId>> members = new HashMap<>();
            Map<String, UnitId> branches = new LinkedHashMap<>();
            int[] sizes = {5, 3, 2};
            String[] names = {"Docks", "Depot", "Harbour"};
            int admitted = 0;
            for (int index = 0; index < names.length; index++) {
                UnitId branch = UnitId.generate(now.get());
                recorded(council.execute(new UnitCommand.FoundUnit(branch, "branch", north, names[index]), null));
                branches.put(names[index], branch);
                List<MemberId> own = new ArrayList<>();
                for (int count = 0; count < sizes[index]; count++) {
                    MemberId member = MemberId.generate(now.get());
                    admitted++;
                    recorded(council.admit(member, branch, new PersonalData("Member " + admitted, "m" + admitted + "@example.org", ""),
                            new VoteTally(10, 8, 8, 0, 0), null));
                    own.add(member);
                }
                members.put(names[index], own);
            }
            now.set(now.get().plus(Duration.ofDays(181)));
            Map<String, MandateId> mandates = new LinkedHashMap<>();
            for (String name : names) {
                ElectionId election = ElectionId.generate(now.get());
                recorded(council.execute(new ElectionCommand.ScheduleElection(election, "congress-delegate", branches.get(name), 1,
                        now.get().plus(Duration.ofDays(14))), null));
                MemberId delegate = members.get(name).getFirst();
                List<Ballot> ballots = members.get(name).stream().map(voter -> new Ballot(voter, List.of(delegate))).toList();
                recorded(council.execute(new ElectionCommand.HoldOpenElection(election, ballots), null));
                delegates.put(name, delegate);
                mandates.put(name, council.read(state -> state.mandates().activeFor("congress-delegate", branches.get(name))
                        .stream().map(Mandate.Active::id).findFirst().orElseThrow()));
            }
            docks = branches.get("Docks");
            docksMembers = members.get("Docks");
            chair = members.get("Docks").get(1);
            tellerIds.addAll(List.of(members.get("Docks").get(2), members.get("Depot").get(1), members.get("Harbour").get(1)));
            congress = CongressId.generate(now.get());
            recorded(council.execute(new CongressCommand.ConveneCongress(congress, national, ConveningKind.REGULAR, "congress-delegate",
                    null, chair, now.get().plus(Duration.ofDays(7))), null));
            for (MandateId mandate : mandates.values()) {
                recorded(council.execute(new CongressCommand.AccreditDelegate(congress, mandate), chair));
            }
            now.set(now.get().plus(Duration.ofDays(7)));
            recorded(council.execute(new CongressCommand.OpenCongress(congress), chair));
            recorded(council.execute(new CongressCommand.AdoptAgenda(congress, List.of(new AgendaItem("Hours", 60, 3))), chair));
            recorded(council.execute(new CongressCommand.TakeItem(congress, 1), chair));
            motion = MotionId.generate(now.get());
            recorded(council.execute(new CongressCommand.TableMotion(congress, motion, 1, "A 32-hour week",
                    MotionText.of("Congress calls for a 32-hour week."), DecisionType.ORDINARY, null), delegates.get("Docks")));
        }
    }

    private SmolnyCli.Run smolny(String... args) {
        return SmolnyCli.run(args);
    }

    private void ok(SmolnyCli.Run run) {
        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    }

    private Path secrets(int trustee) {
        return tellers.resolve("teller-" + trustee + ".secrets");
    }

    /** The three tellers' key ceremony on election directory {@code e}, each with their own secrets file. */
    private void keyCeremony(String e) {
        for (int trustee = 1; trustee <= 3; trustee++) {
            ok(smolny("trustee", "generate", "--dir", e, "--index", Integer.toString(trustee), "--secrets", secrets(trustee).toString()));
        }
        for (String step : List.of("share", "confirm")) {
            for (int trustee = 1; trustee <= 3; trustee++) {
                ok(smolny("trustee", step, "--dir", e, "--secrets", secrets(trustee).toString()));
            }
        }
        ok(smolny("election", "open", "--dir", e));
    }

    /** Reads the credentials file: each voter's secret credential. */
    private static Map<MemberId, VoterCredential> issued(Path credentials) throws Exception {
        Map<MemberId, VoterCredential> issued = new HashMap<>();
        for (String line : Files.readAllLines(credentials)) {
            if (!line.startsWith("#")) {
                String[] fields = line.split("\t");
                issued.put(MemberId.parse(fields[0]), new VoterCredential(P256Group.instance().secret(new BigInteger(fields[2], 16))));
            }
        }
        return issued;
    }

    /** Casts each voter's marks through the ballot box the server would serve for the data folder. */
    private void castThroughTheServedBox(Map<VoterCredential, List<Long>> votes) throws Exception {
        try (RecordStore store = RecordServer.openStore(data);
             ServedElections served = ServedElections.open(data, store, organisation)) {
            assertThat(served.unavailable()).isEmpty();
            BallotBox box = served.boxes().getFirst();
            for (Map.Entry<VoterCredential, List<Long>> vote : votes.entrySet()) {
                var encrypted = BallotEncryptor.encrypt(box.election().proofContext(), box.election().manifest(), box.election().key(),
                        vote.getKey(), List.of(vote.getValue()), new SecureRandom());
                var ballot = JSON.readTree(new RecordCodec(P256Group.instance()).ballot(encrypted.ballot()).toString());
                assertThat(box.cast(ballot)).isInstanceOf(BallotBox.Outcome.Accepted.class);
            }
        }
    }

    @Test
    void a_branch_elects_its_secretary_by_secret_ballot_through_the_commands() throws Exception {
        congressInSession();
        ElectionId election = ElectionId.generate(Instant.now());
        try (RecordStore store = RecordServer.openStore(data)) {
            recorded(CouncilService.open(store, InstantSource.system()).execute(new ElectionCommand.ScheduleElection(election,
                    "branch-secretary", docks, 1, Instant.now().plus(Duration.ofDays(14))), null));
        }
        Path dir = tellers.resolve("election");
        String d = data.toString();
        String e = dir.toString();
        MemberId ada = docksMembers.get(3);
        MemberId bea = docksMembers.get(4);
        ok(smolny("secret", "manifest", "--data", d, "--dir", e, "--ballot", "docks-secretary", "--election", election.toString(),
                "--candidate", ada.toString(), "--candidate", bea.toString(), "--trustees", "3", "--threshold", "2"));
        keyCeremony(e);
        Path credentials = tellers.resolve("electors.txt");
        SmolnyCli.Run opened = smolny("secret", "open", "--data", d, "--dir", e, "--ballot", "docks-secretary", "--election",
                election.toString(), "--teller", tellerIds.get(0).toString(), "--teller", tellerIds.get(1).toString(), "--teller",
                tellerIds.get(2).toString(), "--by", docksMembers.getFirst().toString(), "--credentials-out", credentials.toString());
        ok(opened);
        assertThat(opened.out()).as("one credential per full member of Docks").contains("5 credential(s)");
        Map<MemberId, VoterCredential> issued = issued(credentials);
        assertThat(issued.keySet()).containsExactlyInAnyOrderElementsOf(docksMembers);

        Map<VoterCredential, List<Long>> votes = new LinkedHashMap<>();
        votes.put(issued.get(docksMembers.get(0)), List.of(0L, 1L));
        votes.put(issued.get(docksMembers.get(1)), List.of(0L, 1L));
        votes.put(issued.get(ada), List.of(1L, 0L));
        castThroughTheServedBox(votes);
        SmolnyCli.Run notTeller = smolny("secret", "close", "--data", d, "--dir", e, "--ballot", "docks-secretary", "--by", ada.toString());
        ok(smolny("secret", "close", "--data", d, "--dir", e, "--ballot", "docks-secretary", "--by", tellerIds.get(0).toString()));
        ok(smolny("trustee", "decrypt", "--dir", e, "--secrets", secrets(2).toString()));
        ok(smolny("trustee", "decrypt", "--dir", e, "--secrets", secrets(3).toString()));
        SmolnyCli.Run decided = smolny("secret", "decide", "--data", d, "--dir", e, "--ballot", "docks-secretary", "--by",
                tellerIds.get(1).toString());

        assertThat(notTeller.exitCode()).isEqualTo(1);
        assertThat(notTeller.err()).contains("only a teller of 'docks-secretary' closes its box");
        ok(decided);
        assertThat(decided.out()).contains("counts [[1, 2]]").contains("elected: [" + bea + "]");
        ok(smolny("verify", "election", e));
    }

    @Test
    void a_congress_votes_by_secret_card_ballot_through_the_commands_and_a_forged_decryption_changes_nothing() throws Exception {
        congressInSession();
        Path dir = tellers.resolve("vote");
        String d = data.toString();
        String e = dir.toString();
        ok(smolny("secret", "manifest", "--data", d, "--dir", e, "--ballot", "hours-vote", "--congress", congress.toString(),
                "--motion", motion.toString(), "--trustees", "3", "--threshold", "2"));
        keyCeremony(e);
        Path credentials = tellers.resolve("credentials.txt");
        SmolnyCli.Run notChair = smolny("secret", "open", "--data", d, "--dir", e, "--ballot", "hours-vote", "--congress",
                congress.toString(), "--motion", motion.toString(), "--weighting", "card", "--teller", tellerIds.get(0).toString(),
                "--teller", tellerIds.get(1).toString(), "--teller", tellerIds.get(2).toString(), "--by", delegates.get("Depot").toString(),
                "--credentials-out", credentials.toString());
        assertThat(notChair.exitCode()).isEqualTo(1);
        assertThat(notChair.err()).contains("refused: only the chair of the congress can do this");
        assertThat(credentials).as("the credentials drawn for a refused opening are deleted").doesNotExist();
        assertThat(data.resolve("elections").resolve("hours-vote")).doesNotExist();
        SmolnyCli.Run opened = smolny("secret", "open", "--data", d, "--dir", e, "--ballot", "hours-vote", "--congress", congress.toString(),
                "--motion", motion.toString(), "--weighting", "card", "--teller", tellerIds.get(0).toString(), "--teller",
                tellerIds.get(1).toString(), "--teller", tellerIds.get(2).toString(), "--by", chair.toString(),
                "--credentials-out", credentials.toString());
        ok(opened);
        assertThat(opened.out()).contains("3 credential(s)").contains("/ballot/hours-vote");
        assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // each delegate votes with their credential through the server's ballot box: Docks (5 cards) and Harbour (2) for, Depot (3) against
        Map<MemberId, VoterCredential> issued = issued(credentials);
        Map<VoterCredential, List<Long>> votes = new LinkedHashMap<>();
        for (Map.Entry<String, MemberId> delegate : delegates.entrySet()) {
            votes.put(issued.get(delegate.getValue()), delegate.getKey().equals("Depot") ? List.of(0L, 1L, 0L) : List.of(1L, 0L, 0L));
        }
        castThroughTheServedBox(votes);

        SmolnyCli.Run closed = smolny("secret", "close", "--data", d, "--dir", e, "--ballot", "hours-vote", "--by", chair.toString());
        ok(closed);
        assertThat(closed.out()).contains("3 board entries verified, 3 voter(s) counted");
        assertThat(Files.exists(data.resolve("elections").resolve("hours-vote"))).as("a closed box is no longer served").isFalse();
        for (int trustee : List.of(1, 3)) {
            ok(smolny("trustee", "decrypt", "--dir", e, "--secrets", secrets(trustee).toString()));
        }

        Path partial = dir.resolve("decryption").resolve("partial-3.json");
        String honest = Files.readString(partial);
        Files.writeString(partial, Files.readString(dir.resolve("decryption").resolve("partial-1.json")).replace("\"trustee\":1", "\"trustee\":3"));
        long before;
        try (RecordStore store = RecordServer.openStore(data)) {
            before = store.size();
        }
        SmolnyCli.Run forged = smolny("secret", "decide", "--data", d, "--dir", e, "--ballot", "hours-vote", "--by", chair.toString());
        assertThat(forged.exitCode()).isEqualTo(1);
        assertThat(forged.err()).contains("refused: the decryption of 'hours-vote' is refused, nothing is recorded: the partial decryption"
                + " of trustee 3 (teller " + tellerIds.get(2) + ") is wrong");
        try (RecordStore store = RecordServer.openStore(data)) {
            assertThat(store.size()).isEqualTo(before);
        }

        Files.writeString(partial, honest);
        SmolnyCli.Run decided = smolny("secret", "decide", "--data", d, "--dir", e, "--ballot", "hours-vote", "--by", chair.toString());
        ok(decided);
        assertThat(decided.out()).contains("counts [[7, 3, 0]]").contains("Carried: 7 for, 3 against, 0 abstaining; the rule is a simple"
                + " majority (more for than against) (statutes, decisions.ordinary), counted in cards (members represented) cast by"
                + " secret ballot of 10 entitled");
        try (RecordStore store = RecordServer.openStore(data)) {
            CouncilService council = CouncilService.open(store, InstantSource.system());
            Motion.Fate fate = council.read(state -> state.congresses().find(congress).orElseThrow().motion(motion).orElseThrow().fate());
            assertThat(fate).isInstanceOf(Motion.Carried.class);
        }
        assertThat(new ElectionRecordFiles(dir, P256Group.instance()).readDecryption().counts()).isEqualTo(List.of(List.of(7L, 3L, 0L)));
        ok(smolny("verify", "election", e));
    }
}
