package org.smolny.count.rules;

/**
 * How many ballots (papers) and how much weight met each kind of problem. A ballot with two
 * kinds of problem is counted under each. {@code exhaustedBy*} counts ballots that a rule cut
 * short at the problem; the others count ballots on which the problem occurred at all.
 *
 * @param ballots ballots read
 * @param emptyBallots ballots with no mark at all (or no mark left for a valid candidate)
 * @param overvotes ballots on which an overvoted rank was met
 * @param exhaustedByOvervote ballots ended at an overvote
 * @param neverCountedOvervote of those, ballots ended at an overvote before any choice counted
 * @param skippedRanks ballots with at least one skipped rank before a later mark
 * @param exhaustedBySkippedRanks ballots ended because too many ranks in a row were skipped
 * @param neverCountedSkippedRanks of those, ballots ended so before any choice counted
 * @param duplicates ballots ranking a candidate more than once
 * @param exhaustedByDuplicate ballots ended at a repeated candidate
 * @param unknownCandidates ballots with a mark for an undeclared candidate
 * @param rejectedForUnknown ballots set aside because of an undeclared candidate
 * @param rejectedOvervotes single-choice or block ballots set aside as overvoted
 * @param validBallots ballots that took part in the count
 * @param validWeight total weight of the ballots that took part
 */
public record ProblemCounts(long ballots, long emptyBallots, long overvotes, long exhaustedByOvervote, long neverCountedOvervote,
                            long skippedRanks, long exhaustedBySkippedRanks, long neverCountedSkippedRanks, long duplicates, long exhaustedByDuplicate,
                            long unknownCandidates, long rejectedForUnknown, long rejectedOvervotes,
                            long validBallots, long validWeight) {
    public ProblemCounts {
        long[] all = {ballots, emptyBallots, overvotes, exhaustedByOvervote, neverCountedOvervote, skippedRanks, exhaustedBySkippedRanks, neverCountedSkippedRanks,
                duplicates, exhaustedByDuplicate, unknownCandidates, rejectedForUnknown, rejectedOvervotes, validBallots, validWeight};
        for (long v : all) if (v < 0) throw new IllegalArgumentException("problem counts must not be negative");
        if (validBallots > ballots) throw new IllegalArgumentException("more valid ballots than ballots");
        if (neverCountedOvervote > exhaustedByOvervote || neverCountedSkippedRanks > exhaustedBySkippedRanks) {
            throw new IllegalArgumentException("ballots never counted are among those the rule ended");
        }
    }
}
