package org.smolny.ballot.record;

import java.util.Map;
import java.util.TreeMap;
import org.smolny.ballot.group.GroupElement;

/** The joint public key K and every trustee's verification key Xⱼ (ballot spec §10.2). Immutable. */
public record JointKeyRecord(GroupElement jointKey, Map<Integer, GroupElement> verificationKeys) {
    public JointKeyRecord {
        verificationKeys = java.util.Collections.unmodifiableMap(new TreeMap<>(verificationKeys));
    }
}
