package org.smolny.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.smolny.ballot.decrypt.DiscreteLog;
import org.smolny.ballot.elgamal.ElGamal;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.BallotReveal;
import org.smolny.ballot.encrypt.Contest;
import org.smolny.ballot.encrypt.EncryptedBallot;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.group.SecretScalar;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.tally.BallotBoard;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.ballot.tally.Submission;

class BallotBoardTest {
    private final SecureRandom random = new SecureRandom();
    private final Group group = P256Group.instance();
    private final Manifest manifest = new Manifest("board-test", "Board test", "P-256", new CeremonyParameters(1, 1),
            List.of(new Contest("pick-two", "Pick up to two", List.of("a", "b", "c", "d"), Contest.LimitKind.AT_MOST, 2)));
    private final ProofContext context = new ProofContext(group, manifest.hash());
    private final SecretScalar electionSecret = group.randomSecret(random);
    private final ElectionPublicKey key = new ElectionPublicKey(group.powerOfGenerator(electionSecret));
    private final VoterCredential ada = VoterCredential.generate(group, random);
    private final VoterCredential bea = VoterCredential.generate(group, random);
    private final BallotBoard board = new BallotBoard(context, manifest, key,
            List.of(new PublicCredential(ada.publicKey(), 1), new PublicCredential(bea.publicKey(), 3)));

    private BallotEncryptor.Encrypted encrypt(VoterCredential voter, List<Long> marks) {
        return BallotEncryptor.encrypt(context, manifest, key, voter, List.of(marks), random);
    }

    private long decrypt(org.smolny.ballot.elgamal.Ciphertext ct) {
        OptionalLong t = DiscreteLog.solve(group, ct.beta().divide(ct.alpha().power(electionSecret)), 100);
        return t.orElseThrow();
    }

    @Test
    void only_each_voters_last_cast_ballot_counts_with_its_weight_and_challenged_ballots_never_count() {
        assertThat(board.cast(encrypt(ada, List.of(1L, 1L, 0L, 0L)).ballot())).isInstanceOf(Submission.Accepted.class);
        BallotEncryptor.Encrypted spoiled = encrypt(bea, List.of(0L, 0L, 1L, 1L));
        assertThat(board.challenge(spoiled.ballot(), spoiled.challenge())).isInstanceOf(Submission.Accepted.class);
        assertThat(board.cast(encrypt(bea, List.of(1L, 0L, 0L, 0L)).ballot())).isInstanceOf(Submission.Accepted.class);
        assertThat(board.cast(encrypt(ada, List.of(0L, 0L, 0L, 1L)).ballot())).isInstanceOf(Submission.Accepted.class);
        EncryptedTally tally = EncryptedTally.compute(group, manifest,
                List.of(new PublicCredential(ada.publicKey(), 1), new PublicCredential(bea.publicKey(), 3)),
                board.entries());
        assertThat(tally.totals().get(0).stream().map(this::decrypt).toList()).containsExactly(3L, 0L, 0L, 1L);
        assertThat(board.entries()).hasSize(4);
        assertThat(board.contains(board.entries().get(1).trackingCode())).isTrue();
        assertThat(board.entries().get(1)).isInstanceOf(BoardEntry.Challenged.class);
    }

    @Test
    void the_board_refuses_unlisted_credentials_duplicates_and_false_openings() {
        VoterCredential stuffer = VoterCredential.generate(group, random);
        assertThat(board.cast(encrypt(stuffer, List.of(1L, 0L, 0L, 0L)).ballot())).isEqualTo(
                new Submission.Rejected("the ballot's credential is not on the published credential list"));
        EncryptedBallot once = encrypt(ada, List.of(0L, 1L, 0L, 0L)).ballot();
        assertThat(board.cast(once)).isInstanceOf(Submission.Accepted.class);
        assertThat(board.cast(once)).isEqualTo(new Submission.Rejected("this ballot is already on the board"));
        BallotEncryptor.Encrypted e = encrypt(bea, List.of(0L, 0L, 1L, 0L));
        BallotReveal lie = new BallotReveal(List.of(List.of(1L, 0L, 0L, 0L)), e.challenge().nonces());
        assertThat(board.challenge(e.ballot(), lie)).isEqualTo(
                new Submission.Rejected("selection 0 of contest 0 does not re-encrypt to the ballot"));
        assertThat(board.entries()).hasSize(1);
    }

    @Test
    void a_ciphertext_copied_into_another_voters_ballot_fails_its_proof() {
        EncryptedBallot adas = encrypt(ada, List.of(1L, 0L, 0L, 0L)).ballot();
        EncryptedBallot beas = encrypt(bea, List.of(0L, 0L, 0L, 0L)).ballot();
        // Bea re-submits Ada's encrypted contest under her own credential to learn Ada's vote from the tally
        EncryptedBallot copy = new EncryptedBallot(bea.publicKey(), adas.contests(), beas.signature());
        assertThat(board.cast(copy)).isInstanceOf(Submission.Rejected.class);
    }

    @Test
    void a_voter_cannot_mark_more_than_the_contest_allows_and_a_swapped_encryption_is_refused() {
        BallotEncryptor.Encrypted honest = encrypt(ada, List.of(1L, 1L, 0L, 0L));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> encrypt(ada, List.of(1L, 1L, 1L, 0L))))
                .hasMessageContaining("not valid for contest pick-two");
        // a device that swaps in an encryption of 1 for a 0 (a third mark) is refused
        var contest = honest.ballot().contests().get(0);
        var selections = new java.util.ArrayList<>(contest.selections());
        var three = ElGamal.encrypt(key, 1, group.randomSecret(random));
        selections.set(2, new org.smolny.ballot.encrypt.EncryptedSelection(three, selections.get(2).proof()));
        EncryptedBallot forged = new EncryptedBallot(ada.publicKey(),
                List.of(new org.smolny.ballot.encrypt.EncryptedContest(selections, contest.proof())),
                honest.ballot().signature());
        assertThat(board.cast(forged)).isInstanceOf(Submission.Rejected.class);
    }

    @Test
    void a_batch_is_verified_together_yet_each_bad_ballot_rejects_only_itself_and_the_good_ones_are_on_disk(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        org.smolny.ballot.record.ElectionRecordFiles files = new org.smolny.ballot.record.ElectionRecordFiles(dir, group);
        List<PublicCredential> list = List.of(new PublicCredential(ada.publicKey(), 1),
                new PublicCredential(bea.publicKey(), 3));
        try (org.smolny.ballot.record.BoardFileSink sink = new org.smolny.ballot.record.BoardFileSink(
                dir.resolve("board.jsonl"), files.codec())) {
            BallotBoard durable = new BallotBoard(context, manifest, key, list, sink);
            EncryptedBallot good = encrypt(ada, List.of(1L, 0L, 0L, 0L)).ballot();
            EncryptedBallot alsoGood = encrypt(bea, List.of(0L, 1L, 1L, 0L)).ballot();
            EncryptedBallot tampered = encrypt(bea, List.of(0L, 0L, 0L, 1L)).ballot();
            tampered = new EncryptedBallot(tampered.credential(), tampered.contests(), alsoGood.signature());
            EncryptedBallot stuffed = encrypt(VoterCredential.generate(group, random), List.of(1L, 0L, 0L, 0L)).ballot();
            List<Submission> results = durable.castAll(List.of(good, tampered, stuffed, alsoGood, good), 2);
            assertThat(results.get(0)).isInstanceOf(Submission.Accepted.class);
            assertThat(results.get(1)).isEqualTo(new Submission.Rejected("the credential signature is invalid"));
            assertThat(results.get(2)).isEqualTo(
                    new Submission.Rejected("the ballot's credential is not on the published credential list"));
            assertThat(results.get(3)).isInstanceOf(Submission.Accepted.class);
            assertThat(results.get(4)).isEqualTo(new Submission.Rejected("this ballot is already on the board"));
            assertThat(files.readBoard()).extracting(BoardEntry::trackingCode).containsExactly(
                    ((Submission.Accepted) results.get(0)).trackingCode(),
                    ((Submission.Accepted) results.get(3)).trackingCode());
        }
    }

    @Test
    void ballots_submitted_concurrently_are_batched_and_each_gets_its_own_answer() throws Exception {
        List<VoterCredential> voters = new java.util.ArrayList<>();
        List<PublicCredential> list = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            voters.add(VoterCredential.generate(group, random));
            list.add(new PublicCredential(voters.get(i).publicKey(), 1));
        }
        BallotBoard shared = new BallotBoard(context, manifest, key, list);
        List<EncryptedBallot> ballots = voters.stream().map(v -> encrypt(v, List.of(0L, 1L, 0L, 0L)).ballot()).toList();
        EncryptedBallot stuffed = encrypt(ada, List.of(1L, 0L, 0L, 0L)).ballot();
        List<java.util.concurrent.CompletableFuture<Submission>> results = new java.util.ArrayList<>();
        try (org.smolny.ballot.tally.BallotIntake intake = new org.smolny.ballot.tally.BallotIntake(shared, 5,
                java.time.Duration.ofMillis(20), 2)) {
            ballots.parallelStream().forEach(b -> {
                synchronized (results) {
                    results.add(intake.submit(b));
                }
            });
            results.add(intake.submit(stuffed));
            java.util.concurrent.CompletableFuture.allOf(results.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(results.subList(0, 12)).allSatisfy(f -> assertThat(f.get()).isInstanceOf(Submission.Accepted.class));
        assertThat(results.get(12).get()).isEqualTo(
                new Submission.Rejected("the ballot's credential is not on the published credential list"));
        assertThat(shared.entries()).hasSize(12);
    }

    @Test
    void a_board_that_keeps_its_entries_in_its_sink_hands_every_accepted_entry_to_the_sink_in_order_and_keeps_none() {
        List<BoardEntry> sunk = new java.util.ArrayList<>();
        List<PublicCredential> list = List.of(new PublicCredential(ada.publicKey(), 1), new PublicCredential(bea.publicKey(), 3));
        BallotBoard lean = BallotBoard.keepingEntriesInSink(context, manifest, key, list, sunk::addAll);
        EncryptedBallot first = encrypt(ada, List.of(1L, 0L, 0L, 0L)).ballot();
        EncryptedBallot stuffed = encrypt(VoterCredential.generate(group, random), List.of(1L, 0L, 0L, 0L)).ballot();
        EncryptedBallot second = encrypt(bea, List.of(0L, 1L, 0L, 0L)).ballot();

        List<Submission> results = lean.castAll(List.of(first, stuffed, second, first), 1);

        assertThat(results.get(1)).isInstanceOf(Submission.Rejected.class);
        assertThat(results.get(3)).isEqualTo(new Submission.Rejected("this ballot is already on the board"));
        assertThat(sunk).extracting(BoardEntry::ballot).containsExactly(first, second);
        assertThat(sunk).extracting(BoardEntry::trackingCode).containsExactly(
                ((Submission.Accepted) results.get(0)).trackingCode(), ((Submission.Accepted) results.get(2)).trackingCode());
        assertThat(lean.size()).isEqualTo(2);
        assertThat(lean.lastTrackingCode()).isEqualTo(sunk.get(1).trackingCode());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(lean::entries))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sink");
    }

    @Test
    void a_ballot_that_already_waited_its_time_while_the_dispatcher_was_busy_is_cast_without_waiting_again() throws Exception {
        java.time.Duration maxWait = java.time.Duration.ofSeconds(3);
        java.util.concurrent.CountDownLatch firstBatchHeld = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<Integer> batchSizes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        VoterCredential cy = VoterCredential.generate(group, random);
        List<PublicCredential> list = List.of(new PublicCredential(ada.publicKey(), 1), new PublicCredential(bea.publicKey(), 1),
                new PublicCredential(cy.publicKey(), 1));
        BallotBoard held = BallotBoard.keepingEntriesInSink(context, manifest, key, list, entries -> {
            batchSizes.add(entries.size());
            if (batchSizes.size() == 1) {
                firstBatchHeld.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        EncryptedBallot a = encrypt(ada, List.of(1L, 0L, 0L, 0L)).ballot();
        EncryptedBallot b = encrypt(bea, List.of(0L, 1L, 0L, 0L)).ballot();
        EncryptedBallot c = encrypt(cy, List.of(0L, 0L, 1L, 0L)).ballot();
        try (org.smolny.ballot.tally.BallotIntake intake = new org.smolny.ballot.tally.BallotIntake(held, 2, maxWait, 1)) {
            // a full batch is cast at once, and its append is held: the only dispatcher is busy
            java.util.concurrent.CompletableFuture<Submission> first = intake.submit(a);
            java.util.concurrent.CompletableFuture<Submission> second = intake.submit(b);
            assertThat(firstBatchHeld.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.CompletableFuture<Submission> late = intake.submit(c);
            Thread.sleep(maxWait.toMillis() + 200);
            long released = System.nanoTime();
            release.countDown();

            assertThat(late.get(60, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(Submission.Accepted.class);

            // the late ballot has waited its 3 s already: it is cast as soon as the dispatcher is free, not 3 s later
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - released)).isLessThan(maxWait);
            assertThat(first.get()).isInstanceOf(Submission.Accepted.class);
            assertThat(second.get()).isInstanceOf(Submission.Accepted.class);
            assertThat(batchSizes).containsExactly(2, 1);
        }
    }
}
