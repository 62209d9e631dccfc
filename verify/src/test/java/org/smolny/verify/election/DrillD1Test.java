package org.smolny.verify.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.ballot.decrypt.Decryption;
import org.smolny.ballot.decrypt.DecryptionOutcome;
import org.smolny.ballot.decrypt.DecryptionShare;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.EncryptedBallot;
import org.smolny.ballot.encrypt.EncryptedContest;
import org.smolny.ballot.encrypt.EncryptedSelection;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.TrusteeSecrets;
import org.smolny.ballot.record.DecryptionRecord;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.simulate.ElectionSimulator;
import org.smolny.ballot.simulate.SimulationParameters;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.ballot.tally.TrackingCode;

/**
 * Drill D1 of the charter: a counting commission (the server) drops, alters, duplicates or injects ballots, changes
 * the tally, a trustee publishes a wrong partial decryption, or fewer than k trustees decrypt. Each is caught by the
 * independent verifier, with the number of the failed check.
 */
class DrillD1Test {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Group GROUP = P256Group.instance();
    private static ElectionSimulator.Simulation election;

    @TempDir
    Path dir;

    @BeforeAll
    static void holdElection() {
        election = ElectionSimulator.simulate(new SimulationParameters(10, 3, 3, 2, 1, 2, 3, 2), RANDOM);
    }

    private ElectionRecordFiles honestRecord() {
        ElectionRecordFiles files = new ElectionRecordFiles(dir, GROUP);
        ElectionSimulator.write(election, files);
        return files;
    }

    private List<TrackingCode> receipts() {
        return election.board().stream().map(BoardEntry::trackingCode).toList();
    }

    private VerificationReport verify(ElectionVerifier.Mode mode) {
        return ElectionVerifier.verify(dir, new ElectionVerifier.Options(mode, 2, 4, receipts()));
    }

    /** Re-chains the tracking codes of a board the server rewrote, as a careful server would. */
    private static List<BoardEntry> rechain(List<BoardEntry> board) {
        List<BoardEntry> out = new ArrayList<>();
        TrackingCode code = TrackingCode.start(election.context().manifestHash());
        for (BoardEntry e : board) {
            code = code.next(e.ballot().hash(election.context().manifestHash()));
            out.add(e instanceof BoardEntry.Challenged c ? new BoardEntry.Challenged(c.ballot(), c.reveal(), code)
                    : new BoardEntry.Cast(e.ballot(), code));
        }
        return out;
    }

    /** The trustees decrypt whatever tally the server shows them, as honest trustees would. */
    private static DecryptionRecord decryptAsTrustees(EncryptedTally tally) {
        List<PartialDecryption> partials = new ArrayList<>();
        for (TrusteeSecrets t : election.trustees().subList(0, 2)) {
            partials.add(Decryption.partial(election.context(), t.index(), t.keyShare().orElseThrow(), tally, RANDOM));
        }
        DecryptionOutcome outcome = Decryption.combine(election.context(), election.manifest().trustees(),
                election.jointKey().verificationKeys(), tally, partials, 1000);
        DecryptionOutcome.Decrypted d = (DecryptionOutcome.Decrypted) outcome;
        return new DecryptionRecord(partials, d.trustees(), d.result().counts());
    }

    @Test
    void an_honest_election_passes_every_check_in_batch_and_one_at_a_time() {
        honestRecord();
        VerificationReport batch = verify(ElectionVerifier.Mode.BATCH);
        assertThat(batch.failures()).isEmpty();
        assertThat(batch.counts()).isEqualTo(election.decryption().counts());
        assertThat(batch.render()).contains("VALID: every check passed");
        assertThat(verify(ElectionVerifier.Mode.ONE_AT_A_TIME).failures()).isEmpty();
    }

    @Test
    void a_dropped_ballot_breaks_the_tracking_code_chain_and_the_tally() {
        ElectionRecordFiles files = honestRecord();
        List<BoardEntry> board = new ArrayList<>(election.board());
        board.remove(4);
        files.writeBoard(board);
        VerificationReport report = verify(ElectionVerifier.Mode.BATCH);
        assertThat(report.failedChecks()).contains(Check.E14, Check.E21);
        assertThat(report.failures()).anySatisfy(f -> assertThat(f.where()).isEqualTo("board.jsonl line 5"));
    }

    @Test
    void a_ballot_dropped_with_a_rechained_board_and_a_fresh_decryption_is_exposed_by_the_voters_receipt() {
        ElectionRecordFiles files = honestRecord();
        List<BoardEntry> board = new ArrayList<>(election.board());
        BoardEntry dropped = board.remove(6);
        List<BoardEntry> rechained = rechain(board);
        EncryptedTally tally = EncryptedTally.compute(GROUP, election.manifest(), election.credentials(), rechained);
        files.writeBoard(rechained);
        files.writeTally(tally);
        files.writeDecryption(decryptAsTrustees(tally));
        VerificationReport report = verify(ElectionVerifier.Mode.BATCH);
        assertThat(report.failedChecks()).containsExactly(Check.E21);
        assertThat(report.failures()).anySatisfy(f -> assertThat(f.detail()).contains(dropped.trackingCode().hex()));
    }

    @Test
    void a_ballot_dropped_with_a_rechained_board_and_a_fresh_decryption_is_exposed_by_the_public_record_without_any_receipt()
            throws Exception {
        PublicRecord record = new PublicRecord(Files.createDirectories(dir.resolve("server-data")));
        Path export = record.ballots(election.manifest().electionId(), election.board()).checkpoint()
                .export(dir.resolve("public-record"));
        ElectionRecordFiles files = honestRecord();
        List<BoardEntry> board = new ArrayList<>(election.board());
        BoardEntry dropped = board.remove(6);
        List<BoardEntry> rechained = rechain(board);
        EncryptedTally tally = EncryptedTally.compute(GROUP, election.manifest(), election.credentials(), rechained);
        files.writeBoard(rechained);
        files.writeTally(tally);
        files.writeDecryption(decryptAsTrustees(tally));

        VerificationReport report = ElectionVerifier.verify(dir, new ElectionVerifier.Options(
                ElectionVerifier.Mode.BATCH, 2, 4, List.of()), RecordAnchor.of(export, record.logKey()));

        assertThat(report.failures()).as("the first ballot on the record missing from the board is the dropped one")
                .filteredOn(f -> f.check() == Check.E25).first()
                .satisfies(f -> assertThat(f.detail()).contains(dropped.trackingCode().hex()));
        assertThat(report.failedChecks()).as("the re-chained lines after it are not the recorded ones either")
                .contains(Check.E24, Check.E25).doesNotContain(Check.E22, Check.E21);
    }

    @Test
    void an_altered_ballot_fails_its_signature_and_proofs() {
        ElectionRecordFiles files = honestRecord();
        List<BoardEntry> board = new ArrayList<>(election.board());
        int victim = board.size() - 1;
        EncryptedBallot original = board.get(victim).ballot();
        EncryptedBallot other = board.get(1).ballot();
        List<EncryptedContest> contests = new ArrayList<>(original.contests());
        EncryptedSelection swapped = other.contests().get(0).selections().get(0);
        contests.set(0, new EncryptedContest(List.of(swapped), contests.get(0).proof()));
        board.set(victim, new BoardEntry.Cast(new EncryptedBallot(original.credential(), contests,
                original.signature()), board.get(victim).trackingCode()));
        files.writeBoard(board);
        VerificationReport report = verify(ElectionVerifier.Mode.BATCH);
        assertThat(report.failedChecks()).contains(Check.E11, Check.E12, Check.E14, Check.E17);
        assertThat(report.failures()).filteredOn(f -> f.check() == Check.E12)
                .allSatisfy(f -> assertThat(f.where()).isEqualTo("board.jsonl line " + (victim + 1)));
    }

    @Test
    void a_duplicated_ballot_is_caught() {
        ElectionRecordFiles files = honestRecord();
        List<BoardEntry> board = new ArrayList<>(election.board());
        board.add(3, board.get(2));
        files.writeBoard(rechain(board));
        VerificationReport report = verify(ElectionVerifier.Mode.BATCH);
        assertThat(report.failedChecks()).contains(Check.E15);
    }

    @Test
    void an_injected_ballot_without_a_listed_credential_is_caught_even_on_a_rechained_board() {
        ElectionRecordFiles files = honestRecord();
        VoterCredential stuffer = VoterCredential.generate(GROUP, RANDOM);
        ElectionPublicKey key = new ElectionPublicKey(election.jointKey().jointKey());
        EncryptedBallot stuffed = BallotEncryptor.encrypt(election.context(), election.manifest(), key, stuffer,
                List.of(List.of(1L), List.of(1L), List.of(1L)), RANDOM).ballot();
        List<BoardEntry> board = new ArrayList<>(election.board());
        board.add(new BoardEntry.Cast(stuffed, board.get(0).trackingCode()));
        files.writeBoard(rechain(board));
        VerificationReport report = verify(ElectionVerifier.Mode.BATCH);
        assertThat(report.failedChecks()).containsExactly(Check.E9);
    }

    @Test
    void a_changed_tally_is_caught() {
        ElectionRecordFiles files = honestRecord();
        List<List<Ciphertext>> totals = new ArrayList<>();
        election.tally().totals().forEach(row -> totals.add(new ArrayList<>(row)));
        Ciphertext first = totals.get(0).get(0);
        totals.get(0).set(0, new Ciphertext(first.alpha(), first.beta().multiply(GROUP.generator())));
        files.writeTally(new EncryptedTally(totals));
        VerificationReport report = verify(ElectionVerifier.Mode.BATCH);
        assertThat(report.failedChecks()).contains(Check.E17, Check.E20);
    }

    @Test
    void a_trustee_publishing_a_wrong_partial_decryption_is_caught() {
        ElectionRecordFiles files = honestRecord();
        DecryptionRecord honest = election.decryption();
        PartialDecryption p = honest.partials().get(1);
        List<List<DecryptionShare>> shares = new ArrayList<>();
        p.shares().forEach(row -> shares.add(new ArrayList<>(row)));
        DecryptionShare s = shares.get(0).get(0);
        shares.get(0).set(0, new DecryptionShare(s.share().multiply(GROUP.generator()), s.proof()));
        List<PartialDecryption> partials = new ArrayList<>(honest.partials());
        partials.set(1, new PartialDecryption(p.trustee(), shares));
        files.writeDecryption(new DecryptionRecord(partials, honest.trustees(), honest.counts()));
        VerificationReport report = verify(ElectionVerifier.Mode.BATCH);
        assertThat(report.failedChecks()).contains(Check.E18, Check.E19);
        assertThat(report.failures()).anySatisfy(f -> assertThat(f.where()).isEqualTo("decryption.json trustee 2"));
    }

    @Test
    void fewer_than_k_trustees_cannot_produce_a_valid_decryption() {
        ElectionRecordFiles files = honestRecord();
        DecryptionRecord honest = election.decryption();
        files.writeDecryption(new DecryptionRecord(honest.partials().subList(0, 1), List.of(1), honest.counts()));
        VerificationReport report = verify(ElectionVerifier.Mode.BATCH);
        assertThat(report.failedChecks()).containsExactly(Check.E19);
        DecryptionOutcome outcome = Decryption.combine(election.context(), election.manifest().trustees(),
                election.jointKey().verificationKeys(), election.tally(), honest.partials().subList(0, 1), 1000);
        assertThat(outcome).isInstanceOf(DecryptionOutcome.Failed.class);
    }

    @Test
    void a_manifest_changed_after_the_ceremony_invalidates_every_proof() throws Exception {
        honestRecord();
        String manifest = Files.readString(dir.resolve("manifest.json"));
        Files.writeString(dir.resolve("manifest.json"), manifest.replace("Question 1", "Question one"));
        VerificationReport report = verify(ElectionVerifier.Mode.BATCH);
        assertThat(report.failedChecks()).contains(Check.E3, Check.E11, Check.E12);
    }

    @Test
    void an_unreadable_board_line_is_reported_with_its_line_number() throws Exception {
        honestRecord();
        List<String> lines = Files.readAllLines(dir.resolve("board.jsonl"), StandardCharsets.UTF_8);
        lines.set(2, lines.get(2).replaceFirst("\"alpha\":\"04", "\"alpha\":\"05"));
        Files.write(dir.resolve("board.jsonl"), lines, StandardCharsets.UTF_8);
        VerificationReport report = verify(ElectionVerifier.Mode.BATCH);
        assertThat(report.failures()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo(Check.E8);
            assertThat(f.detail()).contains("board.jsonl line 3").contains("must start with 0x04");
        });
    }
}
