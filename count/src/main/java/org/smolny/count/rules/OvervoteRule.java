package org.smolny.count.rules;

/** What a ranked count does when a ballot reaches a rank with more than one candidate marked. */
public enum OvervoteRule {
    /** The ballot is exhausted at the overvote (RCTab: "exhaust immediately"). */
    EXHAUST_IMMEDIATELY,
    /** The overvoted rank is passed over and the next rank is used (RCTab: "always skip to next rank"). */
    SKIP_TO_NEXT_RANK
}
