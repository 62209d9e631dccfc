package org.smolny.ballot.encrypt;

import java.util.Objects;
import org.smolny.ballot.group.GroupElement;

/**
 * A voter's public credential U = g^u with the voter's public weight (1, or the members a delegate represents in a
 * card vote), ballot spec §7.1. The credential list publishes these and nothing else about the voter. Immutable.
 */
public record PublicCredential(GroupElement key, long weight) {
    public static final long MAX_WEIGHT = 1_000_000_000L;

    public PublicCredential {
        Objects.requireNonNull(key, "key");
        if (key.isIdentity()) {
            throw new IllegalArgumentException("a public credential must not be the identity");
        }
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("a voter's weight must be 1 to " + MAX_WEIGHT + ", got " + weight);
        }
    }
}
