package org.smolny.council.congress;

/** How a congress votes. Both are open: each delegate's vote is public. */
public enum VoteMode {
    /** One vote per seat, each delegate's vote named. */
    NAMED,
    /** Each seat votes the members its delegate represents (its cards), each delegate's vote named. */
    CARD
}
