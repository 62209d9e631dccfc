package org.smolny.ballot.encrypt;

import java.util.Objects;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.proof.DisjunctiveProof;

/** One encrypted selection with its proof that it encrypts 0 or 1 (ballot spec §5.2). Immutable. */
public record EncryptedSelection(Ciphertext ciphertext, DisjunctiveProof proof) {
    public EncryptedSelection {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(proof, "proof");
    }
}
