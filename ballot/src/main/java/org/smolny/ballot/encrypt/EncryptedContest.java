package org.smolny.ballot.encrypt;

import java.util.List;
import java.util.Optional;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.proof.DisjunctiveProof;

/**
 * The encrypted selections of one contest and, where the manifest requires one, the range proof on their sum
 * (ballot spec §5.3). Immutable.
 */
public record EncryptedContest(List<EncryptedSelection> selections, Optional<DisjunctiveProof> proof) {
    public EncryptedContest {
        selections = List.copyOf(selections);
        java.util.Objects.requireNonNull(proof, "proof");
        if (selections.isEmpty()) {
            throw new IllegalArgumentException("an encrypted contest has at least one selection");
        }
    }

    /** The homomorphic sum of the selections (ballot spec §5.3 eq 23). */
    public Ciphertext sum() {
        Ciphertext sum = Ciphertext.zero(selections.get(0).ciphertext().alpha().group());
        for (EncryptedSelection s : selections) {
            sum = sum.add(s.ciphertext());
        }
        return sum;
    }
}
