package org.smolny.count.rules;

import java.util.Arrays;
import java.util.Set;
import org.smolny.count.ballot.Ballot;
import org.smolny.count.ballot.BallotBox;

/**
 * Ballots after the problem-ballot rules: each a strict sequence of distinct, declared,
 * not-withdrawn candidates, with identical sequences grouped and their weights added. Stored
 * compactly: the preferences of group {@code g} are {@code prefs[start[g] .. start[g+1])}, and
 * {@code ends()[g]} says why the sequence stops there (a ballot ended by a problem-ballot rule is
 * grouped apart from one that simply ranks no more candidates).
 *
 * <p>Immutable after construction; the arrays handed out must not be modified. Safe to share
 * between threads.
 */
public final class RankedBallots {
    private final int candidateCount;
    private final int[] prefs;
    private final int[] start;
    private final long[] weight;
    private final long[] papers;
    private final byte[] ends;
    private final ProblemCounts problems;

    private RankedBallots(int candidateCount, int[] prefs, int[] start, long[] weight, long[] papers, byte[] ends, ProblemCounts problems) {
        this.candidateCount = candidateCount;
        this.prefs = prefs;
        this.start = start;
        this.weight = weight;
        this.papers = papers;
        this.ends = ends;
        this.problems = problems;
    }

    private static final ExhaustReason[] REASONS = ExhaustReason.values();

    public int candidateCount() { return candidateCount; }

    /** Number of distinct preference sequences. */
    public int groups() { return weight.length; }

    public int[] prefs() { return prefs; }

    public int[] start() { return start; }

    /** Total weight of each group. */
    public long[] weights() { return weight; }

    /** Number of ballot papers in each group. */
    public long[] papers() { return papers; }

    /** Why group {@code g}'s sequence ends where it does: what exhausts its ballots once no candidate of it continues. */
    public ExhaustReason end(int g) { return REASONS[ends[g]]; }

    public ProblemCounts problems() { return problems; }

    public long totalWeight() { return problems.validWeight(); }

    /** Applies {@code rules} to every ballot of {@code box}, counting each problem met. */
    public static RankedBallots from(BallotBox box, ProblemRules rules) {
        int n = box.candidates().size();
        Set<Integer> withdrawn = box.withdrawn();
        boolean[] isWithdrawn = new boolean[n];
        for (int w : withdrawn) isWithdrawn[w] = true;
        Grouper grouper = new Grouper(Math.max(16, box.ballots().size()));
        long empty = 0, over = 0, exOver = 0, skipped = 0, exSkip = 0, dup = 0, exDup = 0, unknown = 0, rejUnknown = 0, valid = 0, validWeight = 0;
        long neverOver = 0, neverSkip = 0;
        int[] seq = new int[n];
        int[] seenStamp = new int[n];
        int stamp = 0;
        for (Ballot b : box.ballots()) {
            stamp++;
            if (b.isEmpty()) { empty++; continue; }
            int len = 0;
            int skipRun = 0;
            boolean hadOver = false, hadSkip = false, hadDup = false, hadUnknown = false, rejected = false, stop = false;
            ExhaustReason end = ExhaustReason.NO_MORE_PREFERENCES;
            for (int r = 0; r < b.rankCount() && !stop; r++) {
                int marks = b.markCount(r);
                int first = -2, distinct = 0, withdrawnOnly = 0, unknownHere = 0;
                for (int i = 0; i < marks; i++) {
                    int c = b.mark(r, i);
                    if (c == Ballot.UNKNOWN) { unknownHere++; continue; }
                    if (isWithdrawn[c]) { withdrawnOnly++; continue; }
                    boolean again = false;
                    for (int j = 0; j < i; j++) if (b.mark(r, j) == c) again = true;
                    if (!again) { distinct++; if (first == -2) first = c; }
                }
                if (unknownHere > 0) {
                    hadUnknown = true;
                    if (rules.unknown() == UnknownCandidateRule.REJECT_BALLOT) { rejected = true; break; }
                }
                if (distinct == 0) {
                    if (marks > 0 && withdrawnOnly == marks) continue; // only withdrawn candidates: passed over
                    skipRun++;
                    continue;
                }
                if (skipRun > 0) {
                    hadSkip = true;
                    if (rules.maxSkippedRanks() != ProblemRules.UNLIMITED && skipRun > rules.maxSkippedRanks()) { exSkip++; stop = true; end = ExhaustReason.SKIPPED_RANKS; break; }
                }
                skipRun = 0;
                if (distinct > 1) {
                    hadOver = true;
                    if (rules.overvote() == OvervoteRule.EXHAUST_IMMEDIATELY) { exOver++; stop = true; end = ExhaustReason.OVERVOTE; break; }
                    continue;
                }
                if (seenStamp[first] == stamp) {
                    hadDup = true;
                    if (rules.duplicate() == DuplicateRule.EXHAUST_ON_DUPLICATE) { exDup++; stop = true; end = ExhaustReason.DUPLICATE; break; }
                    continue;
                }
                seenStamp[first] = stamp;
                seq[len++] = first;
            }
            if (hadOver) over++;
            if (hadSkip) skipped++;
            if (hadDup) dup++;
            if (hadUnknown) unknown++;
            if (rejected) { rejUnknown++; continue; }
            if (len == 0) {
                if (!stop && !hadOver && !hadDup) empty++;
                if (end == ExhaustReason.OVERVOTE) neverOver++;
                if (end == ExhaustReason.SKIPPED_RANKS) neverSkip++;
                continue;
            }
            valid++;
            validWeight = Math.addExact(validWeight, b.weight());
            grouper.add(seq, len, b.weight(), end);
        }
        ProblemCounts counts = new ProblemCounts(box.ballots().size(), empty, over, exOver, neverOver, skipped, exSkip, neverSkip, dup, exDup,
                unknown, rejUnknown, 0, valid, validWeight);
        return grouper.build(n, counts);
    }

    /**
     * Builds ballots from preference sequences one at a time, grouping identical ones, without
     * holding one array per ballot (for generated data and large imports). Each sequence must be
     * strict (distinct candidates in {@code [0, candidateCount)}), which {@link #add} checks.
     * Not thread-safe.
     */
    public static final class Builder {
        private final int candidateCount;
        private final Grouper grouper;
        private final int[] stamp;
        private int stampNow;
        private long ballots;
        private long weight;

        public Builder(int candidateCount, int expectedBallots) {
            this.candidateCount = candidateCount;
            this.grouper = new Grouper(Math.max(16, expectedBallots));
            this.stamp = new int[candidateCount];
        }

        /** Adds the ballot {@code sequence[0..length)} with weight {@code w}. */
        public void add(int[] sequence, int length, long w) {
            if (length < 1) throw new IllegalArgumentException("a ballot needs at least one preference");
            if (w <= 0) throw new IllegalArgumentException("ballot weight must be positive");
            stampNow++;
            for (int i = 0; i < length; i++) {
                int c = sequence[i];
                if (c < 0 || c >= candidateCount || stamp[c] == stampNow) throw new IllegalArgumentException("not a strict ranking of known candidates");
                stamp[c] = stampNow;
            }
            grouper.add(sequence, length, w, ExhaustReason.NO_MORE_PREFERENCES);
            ballots++;
            weight = Math.addExact(weight, w);
        }

        public RankedBallots build() {
            return grouper.build(candidateCount, new ProblemCounts(ballots, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ballots, weight));
        }
    }

    /** Groups identical sequences with an open-addressing hash table over the flat preference array. */
    private static final class Grouper {
        private int[] prefs;
        private int prefLen;
        private int[] start;
        private long[] weight;
        private long[] papers;
        private byte[] ends;
        private int[] hashes;
        private int groups;
        private int[] table;
        private int mask;

        Grouper(int expected) {
            int capacity = Math.max(16, expected);
            prefs = new int[capacity * 4];
            start = new int[capacity + 1];
            weight = new long[capacity];
            papers = new long[capacity];
            ends = new byte[capacity];
            hashes = new int[capacity];
            int size = Integer.highestOneBit(capacity * 2 - 1) << 1;
            table = new int[size];
            mask = size - 1;
        }

        void add(int[] seq, int len, long w, ExhaustReason reason) {
            byte end = (byte) reason.ordinal();
            int h = 1;
            for (int i = 0; i < len; i++) h = h * 31 + seq[i];
            h = h * 31 + end;
            h ^= h >>> 16; // murmur3's finaliser: spreads the dense polynomial hashes over the table
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            h *= 0xc2b2ae35;
            h ^= h >>> 16;
            int slot = h & mask;
            while (true) {
                int g = table[slot] - 1;
                if (g < 0) break;
                if (hashes[g] == h && ends[g] == end && equalsAt(g, seq, len)) {
                    weight[g] = Math.addExact(weight[g], w);
                    papers[g]++;
                    return;
                }
                slot = (slot + 1) & mask;
            }
            if (groups == weight.length) {
                int cap = groups * 2;
                weight = Arrays.copyOf(weight, cap);
                papers = Arrays.copyOf(papers, cap);
                ends = Arrays.copyOf(ends, cap);
                hashes = Arrays.copyOf(hashes, cap);
                start = Arrays.copyOf(start, cap + 1);
            }
            while (prefLen + len > prefs.length) prefs = Arrays.copyOf(prefs, prefs.length * 2);
            System.arraycopy(seq, 0, prefs, prefLen, len);
            start[groups] = prefLen;
            prefLen += len;
            start[groups + 1] = prefLen;
            weight[groups] = w;
            papers[groups] = 1;
            ends[groups] = end;
            hashes[groups] = h;
            groups++;
            table[slot] = groups;
            if (groups * 2 > table.length) rehash();
        }

        private boolean equalsAt(int g, int[] seq, int len) {
            int s = start[g];
            if (start[g + 1] - s != len) return false;
            for (int i = 0; i < len; i++) if (prefs[s + i] != seq[i]) return false;
            return true;
        }

        private void rehash() {
            table = new int[table.length * 2];
            mask = table.length - 1;
            for (int g = 0; g < groups; g++) {
                int slot = hashes[g] & mask;
                while (table[slot] != 0) slot = (slot + 1) & mask;
                table[slot] = g + 1;
            }
        }

        RankedBallots build(int n, ProblemCounts counts) {
            return new RankedBallots(n, Arrays.copyOf(prefs, prefLen), Arrays.copyOf(start, groups + 1),
                    Arrays.copyOf(weight, groups), Arrays.copyOf(papers, groups), Arrays.copyOf(ends, groups), counts);
        }
    }
}
