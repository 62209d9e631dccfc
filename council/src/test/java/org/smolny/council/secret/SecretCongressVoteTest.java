package org.smolny.council.secret;

import org.junit.jupiter.api.Test;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.council.Council;
import org.smolny.council.congress.CongressCommand;
import org.smolny.council.congress.CongressEvent;
import org.smolny.council.congress.Motion;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.event.Entry;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.event.MalformedEntryException;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;
import org.smolny.council.unit.UnitId;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A congress question put to a secret vote: opened with the manifest, the tellers' joint key and one credential per
 * seat fixed on the record; ballots encrypted on the delegates' devices; the box closed with the board verified and
 * the encrypted tally recorded; decided only after the tellers' partial decryptions are verified, by the congress's
 * own quorum and majority. Docks 30 members, Depot 12, Harbour 20, Warehouse 8, Airport 15.
 */
class SecretCongressVoteTest {

    private final SecretHall hall = new SecretHall();

    private UnitId branch(int index) {
        return hall.branches.get(index);
    }

    private EncryptedTally recordedTally() {
        return ((SecretBallot.BoxClosed) hall.union.council.state().secretBallots().find(hall.ballot).orElseThrow().phase()).tally();
    }

    /** Opens a card vote; Docks and Harbour vote for, Depot and Warehouse against, Airport abstains; the box closes. */
    private void cardVoteCastAndClosed() {
        hall.prepare("congress-motion-1", VoteMode.CARD);
        hall.union.accept(hall.open(VoteMode.CARD), hall.chair);
        hall.vote(branch(0), Position.FOR);
        hall.vote(branch(1), Position.AGAINST);
        hall.vote(branch(2), Position.FOR);
        hall.vote(branch(3), Position.AGAINST);
        hall.vote(branch(4), Position.ABSTAIN);
        hall.union.accept(new SecretBallotCommand.CloseBallotBox(hall.ballot, hall.boardEntries()), hall.chair);
    }

    @Test
    void a_secret_card_vote_is_decided_by_the_tellers_verified_decryption_under_the_congress_rules() {
        cardVoteCastAndClosed();
        EncryptedTally tally = recordedTally();

        List<CouncilEvent> events = hall.union.accept(new SecretBallotCommand.DecryptBallot(hall.ballot, tally,
                List.of(hall.keyHolders.decrypt(1, tally), hall.keyHolders.decrypt(3, tally))), hall.chair);

        SecretBallotEvent.BallotDecrypted decrypted = (SecretBallotEvent.BallotDecrypted) events.getFirst();
        assertThat(decrypted.counts()).containsExactly(List.of(50L, 20L, 15L));
        assertThat(decrypted.trustees()).containsExactly(1, 3);
        CongressEvent.VoteClosed closed = (CongressEvent.VoteClosed) events.get(1);
        assertThat(closed.decision().sentence()).isEqualTo("Carried: 50 for, 20 against, 15 abstaining; the rule is a simple"
                + " majority (more for than against) (statutes, decisions.ordinary), counted in cards (members represented)"
                + " cast by secret ballot of 85 entitled, which needs at least 21 for.");
        assertThat(hall.state().motion(hall.motion).orElseThrow().fate()).isInstanceOf(Motion.Carried.class);
        assertThat(hall.state().openVote()).isEmpty();
        assertThat(hall.union.events(CongressEvent.VoteCast.class)).as("nobody's vote is on the record by name").isEmpty();
        assertThat(hall.union.council.state().secretBallots().find(hall.ballot).orElseThrow().phase())
                .isInstanceOf(SecretBallot.Decrypted.class);
        String minutes = org.smolny.council.congress.Minutes.write(hall.congress, hall.union.record, MemberId::toString);
        assertThat(minutes).contains("cast by secret ballot of 85 entitled");
        for (UnitId branch : hall.branches) {
            assertThat(minutes).as("no delegate's vote in the minutes").doesNotContain(hall.delegate(branch) + " for")
                    .doesNotContain(hall.delegate(branch) + " against").doesNotContain(hall.delegate(branch) + " abstained");
        }
    }

    @Test
    void a_secret_named_vote_counts_one_vote_per_seat_and_only_each_voters_last_ballot() {
        hall.prepare("congress-motion-named", VoteMode.NAMED);
        hall.union.accept(hall.open(VoteMode.NAMED), hall.chair);
        hall.vote(branch(0), Position.FOR);
        hall.vote(branch(1), Position.AGAINST);
        hall.vote(branch(2), Position.FOR);
        hall.vote(branch(0), Position.AGAINST);
        hall.union.accept(new SecretBallotCommand.CloseBallotBox(hall.ballot, hall.boardEntries()), hall.chair);
        EncryptedTally tally = recordedTally();

        List<CouncilEvent> events = hall.union.accept(new SecretBallotCommand.DecryptBallot(hall.ballot, tally,
                List.of(hall.keyHolders.decrypt(2, tally), hall.keyHolders.decrypt(3, tally))), hall.chair);

        CongressEvent.VoteClosed closed = (CongressEvent.VoteClosed) events.get(1);
        assertThat(closed.passed()).isFalse();
        assertThat(closed.inFavour()).isEqualTo(1);
        assertThat(closed.against()).isEqualTo(2);
        SecretBallotEvent.BallotClosed box = hall.union.events(SecretBallotEvent.BallotClosed.class).getFirst();
        assertThat(box.boardEntries()).isEqualTo(4);
        assertThat(box.counted()).isEqualTo(3);
        assertThat(box.lastTrackingCode()).isEqualTo(hall.boardEntries().getLast().trackingCode().hex());
    }

    @Test
    void a_forged_partial_decryption_is_refused_with_the_teller_named_and_nothing_is_recorded() {
        cardVoteCastAndClosed();
        EncryptedTally tally = recordedTally();
        PartialDecryption forged = hall.keyHolders.forge(2, 3, tally);

        String reason = hall.union.reject(new SecretBallotCommand.DecryptBallot(hall.ballot, tally,
                List.of(hall.keyHolders.decrypt(1, tally), forged)), hall.chair);

        assertThat(reason).isEqualTo("the decryption of 'congress-motion-1' is refused, nothing is recorded: the partial"
                + " decryption of trustee 2 (teller " + hall.tellers.get(1) + ") is wrong: its share of contest 1, selection 1"
                + " is not proven against the teller's verification key (ballot spec §8.2 eq 44)");
        assertThat(hall.state().openVote()).isPresent();
        hall.union.accept(new SecretBallotCommand.DecryptBallot(hall.ballot, tally,
                List.of(hall.keyHolders.decrypt(1, tally), hall.keyHolders.decrypt(2, tally))), hall.chair);
        assertThat(hall.state().motion(hall.motion).orElseThrow().fate()).isInstanceOf(Motion.Carried.class);
    }

    @Test
    void a_share_altered_after_its_proof_is_refused() {
        cardVoteCastAndClosed();
        EncryptedTally tally = recordedTally();
        PartialDecryption honest = hall.keyHolders.decrypt(1, tally);
        var shares = new ArrayList<>(honest.shares().getFirst());
        var first = shares.getFirst();
        shares.set(0, new org.smolny.ballot.decrypt.DecryptionShare(first.share().multiply(P256Group.instance().generator()), first.proof()));
        PartialDecryption altered = new PartialDecryption(1, List.of(shares));

        String reason = hall.union.reject(new SecretBallotCommand.DecryptBallot(hall.ballot, tally,
                List.of(altered, hall.keyHolders.decrypt(3, tally))), hall.chair);

        assertThat(reason).contains("trustee 1 (teller " + hall.tellers.getFirst() + ") is wrong: its share of contest 1, selection 1");
    }

    @Test
    void a_tally_that_is_not_the_boards_is_refused_even_with_honest_decryptions_of_it() {
        cardVoteCastAndClosed();
        List<BoardEntry> withoutDocks = hall.boardEntries().subList(1, hall.boardEntries().size());
        EncryptedTally other = EncryptedTally.compute(P256Group.instance(), hall.manifest, hall.publicCredentials(VoteMode.CARD),
                withoutDocks);

        String reason = hall.union.reject(new SecretBallotCommand.DecryptBallot(hall.ballot, other,
                List.of(hall.keyHolders.decrypt(1, other), hall.keyHolders.decrypt(2, other))), hall.chair);

        assertThat(reason).isEqualTo("the decryption of 'congress-motion-1' is refused, nothing is recorded: the tally the"
                + " tellers decrypted is not the tally of the board recorded when the box closed: contest 1, selection 1"
                + " ('for') differs");
    }

    @Test
    void partial_decryptions_made_for_another_tally_do_not_decrypt_the_recorded_one() {
        cardVoteCastAndClosed();
        EncryptedTally tally = recordedTally();
        EncryptedTally other = EncryptedTally.compute(P256Group.instance(), hall.manifest, hall.publicCredentials(VoteMode.CARD),
                hall.boardEntries().subList(1, hall.boardEntries().size()));

        String reason = hall.union.reject(new SecretBallotCommand.DecryptBallot(hall.ballot, tally,
                List.of(hall.keyHolders.decrypt(1, other), hall.keyHolders.decrypt(2, other))), hall.chair);

        assertThat(reason).contains("the partial decryption of trustee 1").contains("is not proven");
    }

    @Test
    void fewer_tellers_than_the_threshold_cannot_decide() {
        cardVoteCastAndClosed();
        EncryptedTally tally = recordedTally();

        String reason = hall.union.reject(new SecretBallotCommand.DecryptBallot(hall.ballot, tally,
                List.of(hall.keyHolders.decrypt(2, tally))), hall.chair);

        assertThat(reason).isEqualTo("the decryption of 'congress-motion-1' is refused, nothing is recorded: the tally cannot"
                + " be decrypted: only 1 valid partial decryptions; the threshold is 2");
    }

    @Test
    void a_board_with_a_dropped_ballot_is_refused_when_the_box_closes() {
        hall.prepare("congress-motion-1", VoteMode.CARD);
        hall.union.accept(hall.open(VoteMode.CARD), hall.chair);
        hall.vote(branch(0), Position.FOR);
        hall.vote(branch(1), Position.AGAINST);
        hall.vote(branch(2), Position.FOR);
        List<BoardEntry> dropped = List.of(hall.boardEntries().get(0), hall.boardEntries().get(2));

        String reason = hall.union.reject(new SecretBallotCommand.CloseBallotBox(hall.ballot, dropped), hall.chair);

        assertThat(reason).startsWith("the board of 'congress-motion-1' is refused, nothing is recorded: board entry 2 (a cast"
                + " ballot) carries tracking code " + hall.boardEntries().get(2).trackingCode().hex()).endsWith(
                "an entry was dropped, inserted or reordered");
    }

    @Test
    void a_ballot_signed_with_a_credential_not_on_the_record_is_refused_when_the_box_closes() {
        hall.prepare("congress-motion-1", VoteMode.NAMED);
        hall.union.accept(hall.open(VoteMode.NAMED), hall.chair);
        hall.vote(branch(0), Position.FOR);
        VoterCredential stranger = VoterCredential.generate(P256Group.instance(), Tellers.RANDOM);
        var stuffed = BallotEncryptor.encrypt(hall.keyHolders.context, hall.manifest,
                new org.smolny.ballot.elgamal.ElectionPublicKey(hall.keyHolders.key.jointKey()), stranger,
                List.of(List.of(1L, 0L, 0L)), Tellers.RANDOM);
        var code = hall.boardEntries().getLast().trackingCode().next(stuffed.ballot().hash(hall.manifest.hash()));
        List<BoardEntry> board = new ArrayList<>(hall.boardEntries());
        board.add(new BoardEntry.Cast(stuffed.ballot(), code));

        String reason = hall.union.reject(new SecretBallotCommand.CloseBallotBox(hall.ballot, board), hall.chair);

        assertThat(reason).contains("board entry 2 (a cast ballot, tracking code " + code.hex() + ") is refused: the ballot's"
                + " credential is not on the published credential list");
    }

    @Test
    void the_credentials_fixed_at_opening_are_exactly_one_per_seat_with_its_weight_so_nobody_can_be_added() {
        hall.prepare("congress-motion-1", VoteMode.CARD);
        List<PublicCredential> extra = new ArrayList<>(hall.publicCredentials(VoteMode.CARD));
        extra.add(new PublicCredential(VoterCredential.generate(P256Group.instance(), Tellers.RANDOM).publicKey(), 1));
        SecretBallotCommand.OpenSecretVote open = hall.open(VoteMode.CARD);

        String added = hall.union.reject(new SecretBallotCommand.OpenSecretVote(open.ballot(), open.congress(), open.motion(),
                null, VoteMode.CARD, open.manifest(), open.key(), extra, open.tellers()), hall.chair);
        String ones = hall.union.reject(new SecretBallotCommand.OpenSecretVote(open.ballot(), open.congress(), open.motion(),
                null, VoteMode.CARD, open.manifest(), open.key(), hall.publicCredentials(VoteMode.NAMED), open.tellers()), hall.chair);

        assertThat(added).isEqualTo("6 credential(s) for 5 eligible voter(s): issue exactly one credential per voter, so nobody"
                + " can be added or left out");
        assertThat(ones).isEqualTo("the credentials' weights are not the accredited seats' cards: each voter's credential"
                + " weighs what their vote weighs");
        assertThat(hall.state().openVote()).isEmpty();
    }

    @Test
    void the_manifest_must_be_the_one_made_for_the_question_and_the_tellers_one_per_trustee() {
        hall.prepare("congress-motion-1", VoteMode.NAMED);
        SecretBallotCommand.OpenSecretVote open = hall.open(VoteMode.NAMED);
        Manifest otherQuestion = new Manifest("congress-motion-1", "Another question", "P-256", new CeremonyParameters(3, 2),
                hall.manifest.contests());

        String manifest = hall.union.reject(new SecretBallotCommand.OpenSecretVote(open.ballot(), open.congress(), open.motion(),
                null, VoteMode.NAMED, otherQuestion, open.key(), open.credentials(), open.tellers()), hall.chair);
        String tellers = hall.union.reject(new SecretBallotCommand.OpenSecretVote(open.ballot(), open.congress(), open.motion(),
                null, VoteMode.NAMED, open.manifest(), open.key(), open.credentials(), open.tellers().subList(0, 2)), hall.chair);
        String notChair = hall.union.reject(open, hall.delegate(branch(0)));

        assertThat(manifest).startsWith("the manifest is not the one for this question: the tellers' key ceremony must be held for {");
        assertThat(tellers).startsWith("the manifest has 3 trustee(s): name as many different tellers");
        assertThat(notChair).isEqualTo("only the chair of the congress can do this");
    }

    @Test
    void while_a_secret_vote_is_open_nobody_votes_by_name_and_the_chair_cannot_close_it_by_hand() {
        hall.prepare("congress-motion-1", VoteMode.CARD);
        hall.union.accept(hall.open(VoteMode.CARD), hall.chair);

        String named = hall.union.reject(new CongressCommand.CastVote(hall.congress, Position.FOR), hall.delegate(branch(0)));
        String closed = hall.union.reject(new CongressCommand.CloseVote(hall.congress), hall.chair);
        String early = hall.union.reject(new SecretBallotCommand.DecryptBallot(hall.ballot, null, List.of()), hall.chair);

        assertThat(named).isEqualTo("this vote is secret: vote with your credential on the voting page of ballot"
                + " 'congress-motion-1'; no vote is cast by name");
        assertThat(closed).startsWith("this vote is secret: it closes when its ballot box closes");
        assertThat(early).startsWith("the ballot box of 'congress-motion-1' is still open");
    }

    @Test
    void a_decryption_on_the_record_without_the_closing_of_its_box_stops_the_rebuild_with_the_reason() {
        cardVoteCastAndClosed();
        EncryptedTally tally = recordedTally();
        hall.union.accept(new SecretBallotCommand.DecryptBallot(hall.ballot, tally,
                List.of(hall.keyHolders.decrypt(1, tally), hall.keyHolders.decrypt(2, tally))), hall.chair);
        List<Entry> withoutClosing = hall.union.record.stream()
                .filter(entry -> !(entry.event() instanceof SecretBallotEvent.BallotClosed)).toList();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Council.rebuild(hall.union.org, withoutClosing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("secret ballot congress-motion-1 is recorded decrypted, but it is Open, not BoxClosed");
    }

    @Test
    void the_record_of_a_secret_vote_rebuilds_the_same_state_from_its_json() throws MalformedEntryException {
        cardVoteCastAndClosed();
        EncryptedTally tally = recordedTally();
        hall.union.accept(new SecretBallotCommand.DecryptBallot(hall.ballot, tally,
                List.of(hall.keyHolders.decrypt(1, tally), hall.keyHolders.decrypt(2, tally))), hall.chair);

        List<Entry> decoded = new ArrayList<>();
        for (Entry entry : hall.union.record) {
            Entry read = EntryCodec.fromJson(EntryCodec.toJson(entry));
            assertThat(read).isEqualTo(entry);
            assertThat(EntryCodec.toBytes(entry).length).isLessThan(64 * 1024);
            decoded.add(read);
        }
        assertThat(Council.rebuild(hall.union.org, decoded).state()).isEqualTo(hall.union.council.state());
        assertThat(hall.union.record.stream().map(Entry::type)).contains("secret-vote.opened", "secret-credentials.published",
                "secret-ballot.closed", "secret-ballot.decrypted", "vote.closed");
    }
}
