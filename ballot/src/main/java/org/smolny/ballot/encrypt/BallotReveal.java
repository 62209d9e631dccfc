package org.smolny.ballot.encrypt;

import java.util.List;
import org.smolny.ballot.group.SecretScalar;

/**
 * The opening of a challenged ballot (Benaloh, ballot spec §7.3): every selection's plaintext and nonce, published so
 * that anyone can re-encrypt and compare. A challenged ballot is never counted. Immutable.
 */
public record BallotReveal(List<List<Long>> plaintexts, List<List<SecretScalar>> nonces) {
    public BallotReveal {
        plaintexts = plaintexts.stream().map(List::copyOf).toList();
        nonces = nonces.stream().map(List::copyOf).toList();
        if (plaintexts.size() != nonces.size()) {
            throw new IllegalArgumentException("a reveal needs one nonce per plaintext");
        }
        for (int i = 0; i < plaintexts.size(); i++) {
            if (plaintexts.get(i).size() != nonces.get(i).size()) {
                throw new IllegalArgumentException("a reveal needs one nonce per plaintext in contest " + i);
            }
        }
    }
}
