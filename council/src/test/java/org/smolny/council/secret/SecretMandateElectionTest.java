package org.smolny.council.secret;

import org.junit.jupiter.api.Test;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.tally.BallotBoard;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.ballot.tally.Submission;
import org.smolny.council.Council;
import org.smolny.council.election.Ballot;
import org.smolny.council.election.CandidateResult;
import org.smolny.council.election.Election;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.event.Entry;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.event.MalformedEntryException;
import org.smolny.council.member.MemberId;
import org.smolny.council.scenario.TestOrganisation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The election of a branch's two delegates to the regional council (national union statutes: post
 * {@code branch-delegate}, 2 seats, electorate the branch's full members) held by secret ballot: the candidates on
 * the manifest, one credential per elector, ballots encrypted on the electors' devices, the count verified, then
 * plurality and the mandates exactly as for an open election.
 */
class SecretMandateElectionTest {

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final List<MemberId> electors;
    private final List<MemberId> candidates;
    private final List<MemberId> tellers;
    private final ElectionId election;
    private final List<VoterCredential> credentials = new ArrayList<>();
    private Manifest manifest;
    private Tellers keyHolders;
    private BallotBoard board;

    SecretMandateElectionTest() {
        electors = union.admit(union.docks, 12);
        union.passProbation();
        candidates = electors.subList(0, 3);
        tellers = electors.subList(9, 12);
        election = ElectionId.generate(union.clock.instant());
        union.accept(new ElectionCommand.ScheduleElection(election, "branch-delegate", union.docks, 2,
                union.clock.instant().plus(Duration.ofDays(14))), null);
    }

    private void prepare(String ballot, List<MemberId> standing) {
        manifest = SecretQuestions.mandateElection(ballot, "branch-delegate", "Docks", 2, standing, new CeremonyParameters(3, 2));
        keyHolders = new Tellers(manifest);
        credentials.clear();
        for (int index = 0; index < electors.size(); index++) {
            credentials.add(VoterCredential.generate(P256Group.instance(), Tellers.RANDOM));
        }
        board = new BallotBoard(keyHolders.context, manifest, new ElectionPublicKey(keyHolders.key.jointKey()), publicCredentials());
    }

    private List<PublicCredential> publicCredentials() {
        return credentials.stream().map(credential -> new PublicCredential(credential.publicKey(), 1)).toList();
    }

    private SecretBallotCommand.OpenSecretElection open(String ballot, List<MemberId> standing) {
        return new SecretBallotCommand.OpenSecretElection(ballot, election, standing, manifest, keyHolders.key,
                publicCredentials(), tellers);
    }

    /** Elector {@code voter} marks the candidates at {@code marked} (indices in the manifest) on their device and casts. */
    private void vote(int voter, int... marked) {
        List<Long> marks = new ArrayList<>();
        for (int index = 0; index < manifest.contests().getFirst().selections().size(); index++) {
            int candidate = index;
            marks.add(java.util.Arrays.stream(marked).anyMatch(mark -> mark == candidate) ? 1L : 0L);
        }
        var encrypted = BallotEncryptor.encrypt(keyHolders.context, manifest, new ElectionPublicKey(keyHolders.key.jointKey()),
                credentials.get(voter), List.of(marks), Tellers.RANDOM);
        assertThat(board.cast(encrypted.ballot())).isInstanceOf(Submission.Accepted.class);
    }

    private List<CouncilEvent> closeAndDecrypt(String ballot) {
        union.accept(new SecretBallotCommand.CloseBallotBox(ballot, board.entries()), tellers.get(0));
        EncryptedTally tally = ((SecretBallot.BoxClosed) union.council.state().secretBallots().find(ballot).orElseThrow().phase()).tally();
        return union.accept(new SecretBallotCommand.DecryptBallot(ballot, tally,
                List.of(keyHolders.decrypt(1, tally), keyHolders.decrypt(3, tally))), tellers.get(1));
    }

    @Test
    void the_electors_secret_ballots_elect_the_two_candidates_with_most_votes_and_their_mandates_begin() {
        prepare("docks-delegates-2026", candidates);
        union.accept(open("docks-delegates-2026", candidates), electors.get(5));
        vote(0, 0, 1);
        vote(1, 0);
        vote(2, 0, 2);
        vote(3, 1);
        vote(4, 1, 2);
        vote(5, 0, 1);
        vote(6, 2);
        vote(8, 0);
        vote(8, 1);

        List<CouncilEvent> events = closeAndDecrypt("docks-delegates-2026");

        assertThat(((SecretBallotEvent.BallotDecrypted) events.getFirst()).counts()).containsExactly(List.of(4L, 5L, 3L));
        CouncilEvent.ElectionHeld held = (CouncilEvent.ElectionHeld) events.get(1);
        assertThat(held.ballots()).as("no named ballot").isEmpty();
        assertThat(held.results()).containsExactly(new CandidateResult(candidates.get(1), 5), new CandidateResult(candidates.get(0), 4),
                new CandidateResult(candidates.get(2), 3));
        assertThat(held.elected()).containsExactly(candidates.get(1), candidates.get(0));
        assertThat(union.events(CouncilEvent.MandateConferred.class).stream().filter(conferred -> election.equals(conferred.election()))
                .map(CouncilEvent.MandateConferred::holder)).containsExactly(candidates.get(1), candidates.get(0));
        assertThat(union.council.state().elections().find(election).orElseThrow()).isInstanceOf(Election.Held.class);
        SecretBallotEvent.BallotClosed box = union.events(SecretBallotEvent.BallotClosed.class).getFirst();
        assertThat(box.counted()).isEqualTo(8);
        assertThat(box.boardEntries()).isEqualTo(9);
    }

    @Test
    void a_tie_for_the_last_seat_records_the_counts_and_elects_nobody_so_a_run_off_can_be_held_by_a_new_secret_ballot() {
        prepare("docks-delegates-2026", candidates);
        union.accept(open("docks-delegates-2026", candidates), electors.get(5));
        vote(0, 0, 1);
        vote(1, 0, 2);
        vote(3, 0);

        List<CouncilEvent> events = closeAndDecrypt("docks-delegates-2026");

        assertThat(events).hasSize(1);
        assertThat(((SecretBallotEvent.BallotDecrypted) events.getFirst()).counts()).containsExactly(List.of(3L, 1L, 1L));
        assertThat(union.council.state().elections().find(election).orElseThrow()).isInstanceOf(Election.Scheduled.class);
        List<MemberId> tied = List.of(candidates.get(1), candidates.get(2));
        prepare("docks-delegates-run-off", tied);
        union.accept(open("docks-delegates-run-off", tied), electors.get(5));
    }

    @Test
    void the_credentials_are_exactly_one_per_elector_and_the_tellers_are_not_candidates() {
        prepare("docks-delegates-2026", candidates);
        List<PublicCredential> extra = new ArrayList<>(publicCredentials());
        extra.add(new PublicCredential(VoterCredential.generate(P256Group.instance(), Tellers.RANDOM).publicKey(), 1));
        List<MemberId> tellerStanding = List.of(candidates.get(0), tellers.get(1), tellers.get(2));

        String added = union.reject(new SecretBallotCommand.OpenSecretElection("docks-delegates-2026", election, candidates,
                manifest, keyHolders.key, extra, tellers), electors.get(5));
        String teller = union.reject(new SecretBallotCommand.OpenSecretElection("docks-delegates-2026", election, candidates,
                manifest, keyHolders.key, publicCredentials(), tellerStanding), electors.get(5));
        String outsider = union.reject(open("docks-delegates-2026", candidates), union.admit(union.depot));

        assertThat(added).isEqualTo("13 credential(s) for 12 eligible voter(s): issue exactly one credential per voter, so"
                + " nobody can be added or left out");
        assertThat(teller).isEqualTo("candidate " + candidates.get(0) + " cannot be a teller of their own election");
        assertThat(outsider).isEqualTo("only an elector of the post's electorate 'branch-members' opens its election");
    }

    @Test
    void while_the_secret_ballot_is_open_no_named_result_is_accepted_and_only_a_teller_closes_the_box() {
        prepare("docks-delegates-2026", candidates);
        union.accept(open("docks-delegates-2026", candidates), electors.get(5));
        vote(0, 0);

        String named = union.reject(new ElectionCommand.HoldOpenElection(election, List.of(new Ballot(electors.get(0),
                List.of(candidates.get(0))))), null);
        String notTeller = union.reject(new SecretBallotCommand.CloseBallotBox("docks-delegates-2026", board.entries()), electors.get(5));

        assertThat(named).isEqualTo("this election is being held by secret ballot 'docks-delegates-2026': its result comes from"
                + " the tellers' verified decryption, not from named ballots");
        assertThat(notTeller).isEqualTo("only a teller of 'docks-delegates-2026' closes its box and records its decryption");
    }

    @Test
    void a_forged_decryption_elects_nobody_and_the_record_of_a_secret_election_rebuilds_from_its_json() throws MalformedEntryException {
        prepare("docks-delegates-2026", candidates);
        union.accept(open("docks-delegates-2026", candidates), electors.get(5));
        vote(0, 0, 1);
        vote(1, 0);
        union.accept(new SecretBallotCommand.CloseBallotBox("docks-delegates-2026", board.entries()), tellers.get(0));
        EncryptedTally tally = ((SecretBallot.BoxClosed) union.council.state().secretBallots().find("docks-delegates-2026")
                .orElseThrow().phase()).tally();

        String forged = union.reject(new SecretBallotCommand.DecryptBallot("docks-delegates-2026", tally,
                List.of(keyHolders.decrypt(1, tally), keyHolders.forge(3, 2, tally))), tellers.get(0));
        union.accept(new SecretBallotCommand.DecryptBallot("docks-delegates-2026", tally,
                List.of(keyHolders.decrypt(1, tally), keyHolders.decrypt(2, tally))), tellers.get(0));

        assertThat(forged).contains("the partial decryption of trustee 3 (teller " + tellers.get(2) + ") is wrong");
        assertThat(union.events(CouncilEvent.ElectionHeld.class).getFirst().elected()).containsExactly(candidates.get(0), candidates.get(1));
        List<Entry> decoded = new ArrayList<>();
        for (Entry entry : union.record) {
            decoded.add(EntryCodec.fromJson(EntryCodec.toJson(entry)));
        }
        assertThat(decoded).isEqualTo(union.record);
        assertThat(Council.rebuild(union.org, decoded).state()).isEqualTo(union.council.state());
        assertThat(union.record.stream().map(Entry::type)).contains("secret-election.opened", "election.held");
    }
}
