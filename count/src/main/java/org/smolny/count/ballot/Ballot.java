package org.smolny.count.ballot;

import java.util.Arrays;

/**
 * One ballot as read from a file, before any counting rule is applied: a weight (1 for an
 * ordinary ballot, the members a delegate represents for a card vote) and the marks at each
 * rank in order. A rank holds zero candidates (a skipped rank), one, or several (an overvote,
 * or an equal ranking for methods that allow it). A candidate index of {@link #UNKNOWN}
 * stands for a mark for a candidate the file does not declare.
 *
 * <p>Immutable; the arrays are copied in and out.
 */
public final class Ballot {
    /** Index used for a mark naming a candidate the file does not declare. */
    public static final int UNKNOWN = -1;

    private final long weight;
    private final int[][] ranks;
    private final int line;

    /**
     * @param weight positive weight of the ballot
     * @param ranks marks per rank, each an array of candidate indices (or {@link #UNKNOWN})
     * @param line the line (1-based) of the source file where the ballot starts, or 0 if none
     */
    public Ballot(long weight, int[][] ranks, int line) {
        if (weight <= 0) throw new IllegalArgumentException("ballot weight must be positive, was " + weight);
        if (ranks == null) throw new IllegalArgumentException("ranks must not be null");
        if (line < 0) throw new IllegalArgumentException("line must not be negative");
        this.weight = weight;
        this.ranks = new int[ranks.length][];
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] == null) throw new IllegalArgumentException("rank " + (i + 1) + " must not be null");
            for (int c : ranks[i]) {
                if (c < UNKNOWN) throw new IllegalArgumentException("invalid candidate index " + c);
            }
            this.ranks[i] = ranks[i].clone();
        }
        this.line = line;
    }

    /** A ballot ranking one candidate per rank, in order. */
    public static Ballot ranking(long weight, int... candidates) {
        int[][] ranks = new int[candidates.length][];
        for (int i = 0; i < candidates.length; i++) ranks[i] = new int[] {candidates[i]};
        return new Ballot(weight, ranks, 0);
    }

    public long weight() { return weight; }

    public int rankCount() { return ranks.length; }

    /** The candidates marked at rank {@code index} (0-based); a copy. */
    public int[] rank(int index) { return ranks[index].clone(); }

    /** How many candidates are marked at rank {@code index} (0-based). */
    public int markCount(int index) { return ranks[index].length; }

    /** The {@code i}-th candidate marked at rank {@code index}, without copying. */
    public int mark(int index, int i) { return ranks[index][i]; }

    int[][] ranksUnsafe() { return ranks; }

    public int line() { return line; }

    public boolean isEmpty() {
        for (int[] r : ranks) if (r.length > 0) return false;
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ballot b && b.weight == weight && Arrays.deepEquals(b.ranks, ranks);
    }

    @Override
    public int hashCode() { return Long.hashCode(weight) * 31 + Arrays.deepHashCode(ranks); }

    @Override
    public String toString() { return weight + " " + Arrays.deepToString(ranks); }
}
