package org.smolny.count.rules;

/**
 * The options that decide how problem ballots are counted. Each problem met is counted in
 * {@link ProblemCounts} whatever the option, so nothing is dropped silently.
 *
 * @param overvote what to do at a rank with several candidates
 * @param maxSkippedRanks how many consecutive skipped ranks a ballot may have before it is
 *        exhausted there; {@code -1} for no limit (RCTab's "max skipped ranks allowed")
 * @param duplicate what to do when a candidate is ranked twice
 * @param unknown what to do with a mark for an undeclared candidate
 */
public record ProblemRules(OvervoteRule overvote, int maxSkippedRanks, DuplicateRule duplicate, UnknownCandidateRule unknown) {
    public static final int UNLIMITED = -1;

    public ProblemRules {
        if (overvote == null || duplicate == null || unknown == null) throw new IllegalArgumentException("every problem-ballot rule must be given");
        if (maxSkippedRanks < UNLIMITED) throw new IllegalArgumentException("maxSkippedRanks must be -1 (unlimited) or at least 0, was " + maxSkippedRanks);
    }

    /** RCTab's defaults: exhaust at an overvote, any number of skipped ranks, skip duplicates, unknown marks as skipped. */
    public static ProblemRules defaults() {
        return new ProblemRules(OvervoteRule.EXHAUST_IMMEDIATELY, UNLIMITED, DuplicateRule.SKIP_DUPLICATE, UnknownCandidateRule.TREAT_AS_SKIPPED);
    }

    public ProblemRules withOvervote(OvervoteRule rule) { return new ProblemRules(rule, maxSkippedRanks, duplicate, unknown); }

    public ProblemRules withMaxSkippedRanks(int max) { return new ProblemRules(overvote, max, duplicate, unknown); }

    public ProblemRules withDuplicate(DuplicateRule rule) { return new ProblemRules(overvote, maxSkippedRanks, rule, unknown); }

    public ProblemRules withUnknown(UnknownCandidateRule rule) { return new ProblemRules(overvote, maxSkippedRanks, duplicate, rule); }

    public String describe() {
        return "overvote: " + overvote.name().toLowerCase().replace('_', ' ')
                + "; skipped ranks allowed: " + (maxSkippedRanks == UNLIMITED ? "unlimited" : Integer.toString(maxSkippedRanks))
                + "; duplicate rankings: " + duplicate.name().toLowerCase().replace('_', ' ')
                + "; unknown candidates: " + unknown.name().toLowerCase().replace('_', ' ');
    }
}
