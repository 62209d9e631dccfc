package org.smolny.ballot.keyceremony;

import java.util.Objects;
import org.smolny.ballot.group.GroupElement;

/**
 * What trustee j publishes after accepting every share (ballot spec §6.5): the joint key K it computed and its own
 * verification key Xⱼ = g^xⱼ. Immutable.
 */
public record TrusteeConfirmation(int index, GroupElement jointKey, GroupElement verificationKey) {
    public TrusteeConfirmation {
        Objects.requireNonNull(jointKey, "jointKey");
        Objects.requireNonNull(verificationKey, "verificationKey");
    }
}
