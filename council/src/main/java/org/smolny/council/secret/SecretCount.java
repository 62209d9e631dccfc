package org.smolny.council.secret;

import org.smolny.ballot.decrypt.Decryption;
import org.smolny.ballot.decrypt.DecryptionOutcome;
import org.smolny.ballot.decrypt.DecryptionShare;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.encrypt.EncryptedBallot;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.tally.BallotBoard;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.ballot.tally.Submission;
import org.smolny.ballot.tally.TrackingCode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The council's own check of a secret ballot's count, with the ballot module: the board is replayed entry by entry
 * into a fresh {@link BallotBoard} of the ballot's manifest, key and credential list (so every credential, shape,
 * signature, 0/1 and range proof, duplicate and Benaloh opening is checked, ballot spec §7.4) and must give the same
 * tracking codes (the chain of §7.5); the encrypted tally is recomputed from it (§8.1); each teller's partial
 * decryption is checked share by share (§8.2) and the counts are combined from k of them (§8.3–8.4). Nothing is
 * skipped and nothing is trusted from the caller. Stateless.
 */
public final class SecretCount {

    private SecretCount() {
    }

    /** What the board comes to. */
    public sealed interface BoardCheck {
        /** Every entry verified: the tally of the counted ballots, the board's size, the ballots counted, its last code. */
        record Verified(EncryptedTally tally, int entries, int counted, TrackingCode last) implements BoardCheck {
        }

        /** An entry is refused; the reason names it. */
        record Refused(String reason) implements BoardCheck {
        }
    }

    /** What the tellers' decryption comes to. */
    public sealed interface DecryptionCheck {
        /** The counts by contest and selection, and the trustees whose shares were combined. */
        record Verified(List<List<Long>> counts, List<Integer> trustees) implements DecryptionCheck {
        }

        /** Refused; the reason says which teller, contest and selection, or how the tally differs. */
        record Refused(String reason) implements DecryptionCheck {
        }
    }

    /** Replays {@code board} (in record order) into a fresh board of {@code ballot} and recomputes the tally. */
    public static BoardCheck board(SecretBallot ballot, List<BoardEntry> board) {
        BallotBoard fresh = new BallotBoard(ballot.context(), ballot.manifest(), ballot.electionKey(), ballot.credentials());
        List<BoardEntry> run = new ArrayList<>();
        int first = 0;
        for (int index = 0; index < board.size(); index++) {
            BoardEntry entry = board.get(index);
            if (entry == null) {
                return new BoardCheck.Refused("board entry " + (index + 1) + " is missing");
            }
            if (entry instanceof BoardEntry.Challenged challenged) {
                String refusal = castRun(fresh, run, first);
                if (refusal != null) {
                    return new BoardCheck.Refused(refusal);
                }
                refusal = expect(challenged, index, fresh.challenge(challenged.ballot(), challenged.reveal()));
                if (refusal != null) {
                    return new BoardCheck.Refused(refusal);
                }
                first = index + 1;
            } else {
                run.add(entry);
            }
        }
        String refusal = castRun(fresh, run, first);
        if (refusal != null) {
            return new BoardCheck.Refused(refusal);
        }
        Set<GroupElement> voters = new HashSet<>();
        for (BoardEntry entry : board) {
            if (entry instanceof BoardEntry.Cast cast) {
                voters.add(cast.ballot().credential());
            }
        }
        EncryptedTally tally = EncryptedTally.compute(ballot.context().group(), ballot.manifest(), ballot.credentials(), board);
        TrackingCode last = board.isEmpty() ? TrackingCode.start(ballot.manifest().hash()) : board.getLast().trackingCode();
        return new BoardCheck.Verified(tally, board.size(), voters.size(), last);
    }

    // consecutive cast entries are verified together (their proofs batch-verified), appended in order
    private static String castRun(BallotBoard fresh, List<BoardEntry> run, int first) {
        if (run.isEmpty()) {
            return null;
        }
        List<EncryptedBallot> ballots = run.stream().map(BoardEntry::ballot).toList();
        List<Submission> results = fresh.castAll(ballots, 1);
        for (int offset = 0; offset < run.size(); offset++) {
            String refusal = expect(run.get(offset), first + offset, results.get(offset));
            if (refusal != null) {
                return refusal;
            }
        }
        run.clear();
        return null;
    }

    private static String expect(BoardEntry entry, int index, Submission result) {
        String kind = entry instanceof BoardEntry.Cast ? "cast ballot" : "challenged ballot";
        return switch (result) {
            case Submission.Rejected rejected -> "board entry " + (index + 1) + " (a " + kind + ", tracking code "
                    + entry.trackingCode().hex() + ") is refused: " + rejected.reason();
            case Submission.Accepted accepted -> accepted.trackingCode().equals(entry.trackingCode()) ? null
                    : "board entry " + (index + 1) + " (a " + kind + ") carries tracking code " + entry.trackingCode().hex()
                    + ", but the chain of the board before it gives " + accepted.trackingCode().hex()
                    + ": an entry was dropped, inserted or reordered";
        };
    }

    /**
     * Checks the tellers' decryption of the tally recorded when the box closed: the tally they decrypted must be that
     * one, every share of every partial decryption must be proven against its teller's verification key, and k of them
     * must combine into counts between 0 and the credentials' total weight.
     */
    public static DecryptionCheck decryption(SecretBallot ballot, EncryptedTally recorded, EncryptedTally decrypted,
                                             List<PartialDecryption> partials) {
        if (decrypted == null || decrypted.totals().size() != recorded.totals().size()) {
            return new DecryptionCheck.Refused("the tally the tellers decrypted does not have the shape of the tally recorded"
                    + " when the box closed (" + recorded.totals().size() + " contest(s))");
        }
        for (int contest = 0; contest < recorded.totals().size(); contest++) {
            List<Ciphertext> row = recorded.totals().get(contest);
            if (decrypted.totals().get(contest).size() != row.size()) {
                return new DecryptionCheck.Refused("the tally the tellers decrypted does not have the shape of the tally"
                        + " recorded when the box closed (contest " + (contest + 1) + ")");
            }
            for (int selection = 0; selection < row.size(); selection++) {
                if (!row.get(selection).equals(decrypted.totals().get(contest).get(selection))) {
                    return new DecryptionCheck.Refused("the tally the tellers decrypted is not the tally of the board recorded"
                            + " when the box closed: contest " + (contest + 1) + ", selection " + (selection + 1) + " ('"
                            + ballot.manifest().contests().get(contest).selections().get(selection) + "') differs");
                }
            }
        }
        if (partials == null || partials.isEmpty()) {
            return new DecryptionCheck.Refused("no partial decryption: " + ballot.manifest().trustees().threshold()
                    + " of the " + ballot.tellers().size() + " tellers must decrypt the tally");
        }
        ProofContext context = ballot.context();
        Set<Integer> seen = new HashSet<>();
        for (PartialDecryption partial : partials) {
            GroupElement key = ballot.verificationKey(partial.trustee());
            if (key == null) {
                return new DecryptionCheck.Refused("there is no trustee " + partial.trustee() + ": the tellers are trustees 1 to "
                        + ballot.tellers().size());
            }
            String teller = "trustee " + partial.trustee() + " (teller " + ballot.tellers().get(partial.trustee() - 1) + ")";
            if (!seen.add(partial.trustee())) {
                return new DecryptionCheck.Refused("the partial decryption of " + teller + " is given twice");
            }
            String refusal = proven(context, key, recorded, partial, teller);
            if (refusal != null) {
                return new DecryptionCheck.Refused(refusal);
            }
        }
        DecryptionOutcome outcome = Decryption.combine(context, ballot.manifest().trustees(), ballot.key().verificationKeys(),
                recorded, partials, ballot.totalWeight());
        return switch (outcome) {
            case DecryptionOutcome.Failed failed -> new DecryptionCheck.Refused("the tally cannot be decrypted: " + failed.reason());
            case DecryptionOutcome.Decrypted done -> new DecryptionCheck.Verified(done.result().counts(), done.trustees());
        };
    }

    private static String proven(ProofContext context, GroupElement key, EncryptedTally tally, PartialDecryption partial, String teller) {
        if (partial.shares().size() != tally.totals().size()) {
            return "the partial decryption of " + teller + " has " + partial.shares().size() + " contest(s); the tally has "
                    + tally.totals().size();
        }
        for (int contest = 0; contest < tally.totals().size(); contest++) {
            List<DecryptionShare> row = partial.shares().get(contest);
            if (row.size() != tally.totals().get(contest).size()) {
                return "the partial decryption of " + teller + " has " + row.size() + " share(s) for contest " + (contest + 1)
                        + "; the tally has " + tally.totals().get(contest).size();
            }
            for (int selection = 0; selection < row.size(); selection++) {
                DecryptionShare share = row.get(selection);
                if (!share.proof().verify(context, key, tally.totals().get(contest).get(selection).alpha(), share.share(),
                        Decryption.shareStatement(partial.trustee(), contest, selection))) {
                    return "the partial decryption of " + teller + " is wrong: its share of contest " + (contest + 1)
                            + ", selection " + (selection + 1) + " is not proven against the teller's verification key"
                            + " (ballot spec §8.2 eq 44)";
                }
            }
        }
        return null;
    }
}
