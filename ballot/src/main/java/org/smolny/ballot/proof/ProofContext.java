package org.smolny.ballot.proof;

import java.util.Objects;
import org.smolny.ballot.group.Group;

/** The parameters every proof of one election is bound to: the group and the manifest hash (ballot spec §3). */
public record ProofContext(Group group, ManifestHash manifestHash) {
    public ProofContext {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(manifestHash, "manifestHash");
    }
}
