package org.smolny.council.mandate;

/** A position on a motion: an instruction to a delegate, or the delegate's vote. */
public enum Position {
    FOR, AGAINST, ABSTAIN
}
