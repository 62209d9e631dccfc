package org.smolny.count.ballot;

import java.util.List;
import java.util.Set;
import java.util.HashSet;

/**
 * The ballots of one contest with the candidates they refer to, as read from a BLT, CDF or CSV
 * file. {@code seats} is what the file says (BLT) or 0 when the file does not say.
 * Withdrawn candidates (BLT's negative line) are skipped over on every ballot by every method.
 *
 * @param title the contest's title (may be empty)
 * @param candidates candidate names, unique, in the order of the file
 * @param withdrawn indices of withdrawn candidates
 * @param seats seats the file declares, 0 if none
 * @param ballots the ballots in file order
 */
public record BallotBox(String title, List<String> candidates, Set<Integer> withdrawn, int seats, List<Ballot> ballots) {
    public BallotBox {
        if (title == null) title = "";
        candidates = List.copyOf(candidates);
        withdrawn = Set.copyOf(withdrawn);
        ballots = List.copyOf(ballots);
        if (seats < 0) throw new IllegalArgumentException("seats must not be negative");
        Set<String> seen = new HashSet<>();
        for (String name : candidates) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("a candidate name is empty");
            if (!seen.add(name)) throw new IllegalArgumentException("candidate '" + name + "' appears twice");
        }
        for (int w : withdrawn) {
            if (w < 0 || w >= candidates.size()) throw new IllegalArgumentException("withdrawn candidate " + (w + 1) + " does not exist");
        }
        for (Ballot b : ballots) {
            int c = b.maxMark();
            if (c >= candidates.size()) throw new IllegalArgumentException("ballot refers to candidate " + (c + 1) + " of " + candidates.size());
        }
    }

    /** Ballots read by the count, without their weights: the number of ballot papers. */
    public int ballotCount() { return ballots.size(); }

    public int candidateIndex(String name) { return candidates.indexOf(name); }
}
