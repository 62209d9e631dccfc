package org.smolny.count.rules;

/** What a count does with a mark for a candidate the file does not declare. */
public enum UnknownCandidateRule {
    /** The mark is treated as a skipped rank (it counts against the skipped-rank limit). */
    TREAT_AS_SKIPPED,
    /** The whole ballot is set aside as invalid. */
    REJECT_BALLOT
}
