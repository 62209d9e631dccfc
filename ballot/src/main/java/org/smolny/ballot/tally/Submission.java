package org.smolny.ballot.tally;

/** The outcome of submitting a ballot to the board. */
public sealed interface Submission {
    /** On the board, with the tracking code the voter keeps. */
    record Accepted(TrackingCode trackingCode) implements Submission {
    }

    /** Not on the board; the reason says what was wrong. Nothing changed. */
    record Rejected(String reason) implements Submission {
    }
}
