package org.smolny.bench.secret;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.smolny.ballot.encrypt.Contest;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.simulate.ElectionSimulator;
import org.smolny.ballot.simulate.SimulationParameters;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.secret.SecretBallot;
import org.smolny.council.secret.SecretCount;
import org.smolny.council.secret.SecretQuestions;
import org.smolny.council.unit.UnitId;

/**
 * What closing and deciding a secret card vote of a large congress costs the council (docs/secret-votes.md): the
 * board of D delegates' ballots (for/against/abstain, weights 1..40, 1 % challenged, 1 % re-votes) replayed into a
 * fresh board with every proof and tracking code checked and the tally recomputed ({@link SecretCount#board}), then the
 * tellers' partial decryptions checked and combined ({@link SecretCount#decryption}). Both run on the record's single
 * writer thread when the chair closes the box and records the decision. Usage: {@code SecretCloseRun [D] [repeats]}
 * (default 2000 delegates, 3 repeats); prints each run's times and the best.
 */
public final class SecretCloseRun {

    private SecretCloseRun() {
    }

    public static void main(String[] args) {
        int delegates = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        CeremonyParameters tellers = new CeremonyParameters(3, 2);
        String title = "Motion: a bench question";
        Manifest manifest = new Manifest("bench-secret-vote", title, "P-256", tellers,
                List.of(new Contest(SecretQuestions.QUESTION, title, SecretQuestions.POSITIONS, Contest.LimitKind.EXACTLY, 1)));
        SecureRandom random = new SecureRandom();
        long started = System.nanoTime();
        ElectionSimulator.Simulation simulation = ElectionSimulator.simulate(manifest, new SimulationParameters(delegates, 1, 3, 2,
                delegates / 100 + 1, delegates / 100 + 1, 40, 2), random);
        System.out.printf("prepared %d delegates' ballots (%d board entries) in %.1f s%n", delegates, simulation.board().size(),
                (System.nanoTime() - started) / 1e9);
        Instant now = Instant.now();
        SecretBallot ballot = new SecretBallot("bench-secret-vote", UnitId.generate(now),
                new SecretBallot.CongressQuestion(CongressId.generate(now), MotionId.generate(now), null, VoteMode.CARD), manifest,
                List.of(MemberId.generate(now), MemberId.generate(now), MemberId.generate(now)), simulation.jointKey(),
                simulation.credentials(), simulation.credentials().size(), new SecretBallot.Open());
        double bestBoard = Double.MAX_VALUE;
        double bestDecryption = Double.MAX_VALUE;
        for (int run = 1; run <= repeats; run++) {
            long t0 = System.nanoTime();
            SecretCount.BoardCheck board = SecretCount.board(ballot, simulation.board());
            long t1 = System.nanoTime();
            if (!(board instanceof SecretCount.BoardCheck.Verified verified) || !verified.tally().equals(simulation.tally())) {
                throw new IllegalStateException("the honest board was not verified: " + board);
            }
            SecretCount.DecryptionCheck decryption = SecretCount.decryption(ballot, verified.tally(), simulation.tally(),
                    simulation.decryption().partials());
            long t2 = System.nanoTime();
            if (!(decryption instanceof SecretCount.DecryptionCheck.Verified decrypted)
                    || !decrypted.counts().equals(simulation.decryption().counts())) {
                throw new IllegalStateException("the honest decryption was not verified: " + decryption);
            }
            double boardSeconds = (t1 - t0) / 1e9;
            double decryptionSeconds = (t2 - t1) / 1e9;
            bestBoard = Math.min(bestBoard, boardSeconds);
            bestDecryption = Math.min(bestDecryption, decryptionSeconds);
            System.out.printf("run %d: close (board of %d entries verified, tally recomputed) %.3f s; decide (%d partial"
                            + " decryptions checked, counts %s) %.3f s%n", run, simulation.board().size(),
                    boardSeconds, simulation.decryption().partials().size(), decrypted.counts(), decryptionSeconds);
        }
        System.out.printf("best of %d: close %.3f s (%.2f ms per board entry), decide %.3f s%n", repeats, bestBoard,
                bestBoard * 1000 / simulation.board().size(), bestDecryption);
    }
}
