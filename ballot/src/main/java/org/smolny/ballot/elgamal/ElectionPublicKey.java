package org.smolny.ballot.elgamal;

import java.util.Objects;
import org.smolny.ballot.group.GroupElement;

/** The joint public key K = g^s of an election (ballot spec §6.5 eq 34); never the identity. Immutable. */
public record ElectionPublicKey(GroupElement element) {
    public ElectionPublicKey {
        Objects.requireNonNull(element, "element");
        if (element.isIdentity()) {
            throw new IllegalArgumentException("the election public key must not be the identity");
        }
    }
}
