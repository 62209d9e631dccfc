package org.smolny.count.rules;

/** What a ranked count does when a ballot ranks the same candidate more than once. */
public enum DuplicateRule {
    /** Later marks for the same candidate are passed over (RCTab's default). */
    SKIP_DUPLICATE,
    /** The ballot is exhausted at the repeated mark (RCTab: "exhaust on multiple ranks for the same candidate"). */
    EXHAUST_ON_DUPLICATE
}
