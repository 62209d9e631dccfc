package org.smolny.ballot.decrypt;

import java.util.List;

/** Trustee i's decryption shares of every tally ciphertext, by contest and selection (§8.2). Immutable. */
public record PartialDecryption(int trustee, List<List<DecryptionShare>> shares) {
    public PartialDecryption {
        shares = shares.stream().map(List::copyOf).toList();
    }
}
