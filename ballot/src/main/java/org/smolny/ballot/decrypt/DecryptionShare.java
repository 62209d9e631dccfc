package org.smolny.ballot.decrypt;

import java.util.Objects;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.proof.ChaumPedersenProof;

/** Mᵢ = A^xᵢ for one tally ciphertext, with the Chaum–Pedersen proof that log_g Xᵢ = log_A Mᵢ (§8.2). Immutable. */
public record DecryptionShare(GroupElement share, ChaumPedersenProof proof) {
    public DecryptionShare {
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(proof, "proof");
    }
}
