package org.smolny.ballot.tally;

import org.smolny.ballot.encrypt.BallotReveal;
import org.smolny.ballot.encrypt.EncryptedBallot;

/** An entry of the public ballot board (ballot spec §7.5), in board order. */
public sealed interface BoardEntry {
    EncryptedBallot ballot();

    TrackingCode trackingCode();

    /** A cast ballot: counted if it is its credential's last cast ballot. */
    record Cast(EncryptedBallot ballot, TrackingCode trackingCode) implements BoardEntry {
    }

    /** A challenged (spoiled) ballot with its opening: never counted (Benaloh, §7.3). */
    record Challenged(EncryptedBallot ballot, BallotReveal reveal, TrackingCode trackingCode) implements BoardEntry {
    }
}
