package org.smolny.count.ballot;

import java.util.Arrays;

/**
 * One ballot as read from a file, before any counting rule is applied: a weight (1 for an
 * ordinary ballot, the members a delegate represents for a card vote) and the marks at each
 * rank in order. A rank holds zero candidates (a skipped rank), one, or several (an overvote,
 * or an equal ranking for methods that allow it). A candidate index of {@link #UNKNOWN}
 * stands for a mark for a candidate the file does not declare.
 *
 * <p>Stored flat (all marks in one array, with the start of each rank) so that millions of
 * ballots stay cheap. Immutable; arrays are copied in and out.
 */
public final class Ballot {
    /** Index used for a mark naming a candidate the file does not declare. */
    public static final int UNKNOWN = -1;

    private final long weight;
    private final int[] marks;
    private final int[] rankStart;
    private final int line;

    /**
     * @param weight positive weight of the ballot
     * @param ranks marks per rank, each an array of candidate indices (or {@link #UNKNOWN})
     * @param line the line (1-based) of the source file where the ballot starts, or 0 if none
     */
    public Ballot(long weight, int[][] ranks, int line) {
        this(weight, flatten(ranks), starts(ranks), line, true);
    }

    private Ballot(long weight, int[] marks, int[] rankStart, int line, boolean check) {
        if (weight <= 0) throw new IllegalArgumentException("ballot weight must be positive, was " + weight);
        if (line < 0) throw new IllegalArgumentException("line must not be negative");
        if (check) {
            if (rankStart.length == 0 || rankStart[0] != 0 || rankStart[rankStart.length - 1] != marks.length) {
                throw new IllegalArgumentException("rank starts do not fit the marks");
            }
            for (int i = 1; i < rankStart.length; i++) {
                if (rankStart[i] < rankStart[i - 1]) throw new IllegalArgumentException("rank starts must not decrease");
            }
            for (int c : marks) if (c < UNKNOWN) throw new IllegalArgumentException("invalid candidate index " + c);
        }
        this.weight = weight;
        this.marks = marks;
        this.rankStart = rankStart;
        this.line = line;
    }

    /**
     * A ballot from flat arrays: {@code marks} holds every mark in rank order and rank {@code r}
     * is {@code marks[rankStart[r] .. rankStart[r+1])}. The arrays are copied.
     */
    public static Ballot ofFlat(long weight, int[] marks, int[] rankStart, int line) {
        return new Ballot(weight, marks.clone(), rankStart.clone(), line, true);
    }

    /**
     * As {@link #ofFlat(long, int[], int[], int)} with the first {@code markCount} marks and the
     * first {@code rankCount + 1} rank starts of the arrays given (reused buffers), copied once.
     */
    public static Ballot ofFlat(long weight, int[] marks, int markCount, int[] rankStart, int rankCount, int line) {
        return new Ballot(weight, Arrays.copyOf(marks, markCount), Arrays.copyOf(rankStart, rankCount + 1), line, true);
    }

    /** A ballot ranking one candidate per rank, in order. */
    public static Ballot ranking(long weight, int... candidates) {
        int[] starts = new int[candidates.length + 1];
        for (int i = 0; i <= candidates.length; i++) starts[i] = i;
        return new Ballot(weight, candidates.clone(), starts, 0, true);
    }

    private static int[] flatten(int[][] ranks) {
        if (ranks == null) throw new IllegalArgumentException("ranks must not be null");
        int total = 0;
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] == null) throw new IllegalArgumentException("rank " + (i + 1) + " must not be null");
            total += ranks[i].length;
        }
        int[] out = new int[total];
        int p = 0;
        for (int[] r : ranks) { System.arraycopy(r, 0, out, p, r.length); p += r.length; }
        return out;
    }

    private static int[] starts(int[][] ranks) {
        int[] out = new int[ranks.length + 1];
        for (int i = 0; i < ranks.length; i++) out[i + 1] = out[i] + ranks[i].length;
        return out;
    }

    public long weight() { return weight; }

    public int rankCount() { return rankStart.length - 1; }

    /** The candidates marked at rank {@code index} (0-based); a copy. */
    public int[] rank(int index) { return Arrays.copyOfRange(marks, rankStart[index], rankStart[index + 1]); }

    /** How many candidates are marked at rank {@code index} (0-based). */
    public int markCount(int index) { return rankStart[index + 1] - rankStart[index]; }

    /** The {@code i}-th candidate marked at rank {@code index}, without copying. */
    public int mark(int index, int i) {
        if (i < 0 || i >= markCount(index)) throw new IndexOutOfBoundsException(i);
        return marks[rankStart[index] + i];
    }

    /** The highest candidate index marked anywhere, or {@link #UNKNOWN} if none. */
    int maxMark() {
        int max = UNKNOWN;
        for (int c : marks) max = Math.max(max, c);
        return max;
    }

    public int line() { return line; }

    public boolean isEmpty() { return marks.length == 0; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ballot b && b.weight == weight && Arrays.equals(b.marks, marks) && Arrays.equals(b.rankStart, rankStart);
    }

    @Override
    public int hashCode() { return (Long.hashCode(weight) * 31 + Arrays.hashCode(marks)) * 31 + Arrays.hashCode(rankStart); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(weight).append(" [");
        for (int r = 0; r < rankCount(); r++) sb.append(r == 0 ? "" : ", ").append(Arrays.toString(rank(r)));
        return sb.append(']').toString();
    }
}
