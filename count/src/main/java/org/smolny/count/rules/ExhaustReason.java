package org.smolny.count.rules;

/**
 * Why a ballot stops counting for anyone (RCTab's categories of inactive ballots): it ran out of
 * continuing preferences, or a problem-ballot rule ended it at an overvote, at too many skipped
 * ranks, or at a repeated candidate.
 */
public enum ExhaustReason {
    /** Every candidate it still ranks is elected or excluded (RCTab: "exhausted choices"). */
    NO_MORE_PREFERENCES("no more preferences"),
    /** Ended at an overvoted rank (RCTab: "overvotes"). */
    OVERVOTE("overvote"),
    /** Ended at too many consecutive skipped ranks (RCTab: "skipped rankings"). */
    SKIPPED_RANKS("skipped ranks"),
    /** Ended at a candidate ranked again (RCTab: "repeated rankings"). */
    DUPLICATE("duplicate ranking");

    private final String label;

    ExhaustReason(String label) { this.label = label; }

    /** The reason as the reports write it. */
    public String label() { return label; }
}
