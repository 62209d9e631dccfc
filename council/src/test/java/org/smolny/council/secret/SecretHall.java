package org.smolny.council.secret;

import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.tally.BallotBoard;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.Submission;
import org.smolny.council.congress.AgendaItem;
import org.smolny.council.congress.Congress;
import org.smolny.council.congress.CongressCommand;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.ConveningKind;
import org.smolny.council.congress.Seat;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.MotionText;
import org.smolny.council.scenario.TestOrganisation;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.unit.UnitId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national union of {@code docs/examples/national-union.toml} in congress: five branches (Docks 30, Depot 12,
 * Harbour 20, Warehouse 8, Airport 15: 85 members), a congress delegate elected in each, accredited, the congress
 * open on its first item with a motion tabled. A secret vote is set up as it would be for real: the manifest made by
 * {@link SecretQuestions}, a key ceremony of three tellers (any two decrypt), one credential per seat handed to its
 * delegate, and each delegate's device encrypting their choice; the board is the ballot module's, as the ballot box
 * keeps it.
 */
final class SecretHall {

    final TestOrganisation union = new TestOrganisation();
    final List<UnitId> branches = new ArrayList<>();
    final Map<UnitId, List<MemberId>> members = new LinkedHashMap<>();
    final Map<UnitId, MandateId> mandates = new LinkedHashMap<>();
    final MemberId chair;
    final CongressId congress;
    final MotionId motion;
    final List<MemberId> tellers;

    /** The secret vote in progress, once {@link #prepare} ran. */
    String ballot;
    Manifest manifest;
    Tellers keyHolders;
    final Map<MemberId, VoterCredential> credentials = new LinkedHashMap<>();
    BallotBoard board;

    SecretHall() {
        union.accept(new StatutesCommand.AdoptStatutes(TestOrganisation.read(TestOrganisation.NATIONAL_UNION)), null);
        union.national = union.found("national", null, "General Union");
        union.north = union.found("region", union.national, "North");
        union.south = union.found("region", union.national, "South");
        String[] names = {"Docks", "Depot", "Harbour", "Warehouse", "Airport"};
        int[] sizes = {30, 12, 20, 8, 15};
        for (int index = 0; index < names.length; index++) {
            UnitId branch = union.found("branch", index % 2 == 0 ? union.north : union.south, names[index]);
            branches.add(branch);
            members.put(branch, union.admit(branch, sizes[index]));
        }
        union.passProbation();
        for (UnitId branch : branches) {
            mandates.put(branch, union.elect("congress-delegate", branch, delegate(branch), members.get(branch)));
        }
        chair = members.get(branches.get(2)).get(5);
        tellers = List.of(members.get(branches.get(0)).get(7), members.get(branches.get(1)).get(7), members.get(branches.get(3)).get(7));
        congress = CongressId.generate(union.clock.instant());
        union.accept(new CongressCommand.ConveneCongress(congress, union.national, ConveningKind.REGULAR, "congress-delegate",
                null, chair, union.clock.instant().plus(Duration.ofDays(7))), null);
        for (UnitId branch : branches) {
            union.accept(new CongressCommand.AccreditDelegate(congress, mandates.get(branch)), chair);
        }
        union.passDays(7);
        union.accept(new CongressCommand.OpenCongress(congress), chair);
        union.accept(new CongressCommand.AdoptAgenda(congress, List.of(new AgendaItem("Policy on the working week", 60, 3))), chair);
        union.accept(new CongressCommand.TakeItem(congress, 1), chair);
        motion = MotionId.generate(union.clock.instant());
        union.accept(new CongressCommand.TableMotion(congress, motion, 1, "A 32-hour week", new MotionText(List.of(
                "Congress calls for a 32-hour week without loss of pay.")), DecisionType.ORDINARY, null), delegate(branches.get(0)));
    }

    MemberId delegate(UnitId branch) {
        return members.get(branch).get(0);
    }

    Congress state() {
        return union.council.state().congresses().find(congress).orElseThrow();
    }

    /**
     * Before the vote opens: the manifest of the question, the tellers' key ceremony for it (3 tellers, any 2
     * decrypt), a credential per seat with its weight, and the board the voters' ballots go on.
     */
    void prepare(String ballotId, VoteMode weighting) {
        ballot = ballotId;
        manifest = SecretQuestions.congressVote(ballotId, state(), motion, null, new CeremonyParameters(3, 2));
        keyHolders = new Tellers(manifest);
        credentials.clear();
        for (Seat seat : state().seats()) {
            credentials.put(seat.delegate(), VoterCredential.generate(P256Group.instance(), Tellers.RANDOM));
        }
        board = new BallotBoard(keyHolders.context, manifest, new org.smolny.ballot.elgamal.ElectionPublicKey(keyHolders.key.jointKey()),
                publicCredentials(weighting));
    }

    /** The public credential list: each seat's credential with its weight (cards, or one). */
    List<PublicCredential> publicCredentials(VoteMode weighting) {
        List<PublicCredential> list = new ArrayList<>();
        for (Seat seat : state().seats()) {
            list.add(new PublicCredential(credentials.get(seat.delegate()).publicKey(), weighting == VoteMode.CARD ? seat.cards() : 1));
        }
        return list;
    }

    SecretBallotCommand.OpenSecretVote open(VoteMode weighting) {
        return new SecretBallotCommand.OpenSecretVote(ballot, congress, motion, null, weighting, manifest, keyHolders.key,
                publicCredentials(weighting), tellers);
    }

    /** The delegate of {@code branch} encrypts {@code position} on their device and casts it on the board. */
    void vote(UnitId branch, Position position) {
        long[] marks = switch (position) {
            case FOR -> new long[] {1, 0, 0};
            case AGAINST -> new long[] {0, 1, 0};
            case ABSTAIN -> new long[] {0, 0, 1};
        };
        var encrypted = BallotEncryptor.encrypt(keyHolders.context, manifest,
                new org.smolny.ballot.elgamal.ElectionPublicKey(keyHolders.key.jointKey()), credentials.get(delegate(branch)),
                List.of(List.of(marks[0], marks[1], marks[2])), Tellers.RANDOM);
        assertThat(board.cast(encrypted.ballot())).isInstanceOf(Submission.Accepted.class);
    }

    List<BoardEntry> boardEntries() {
        return board.entries();
    }
}
