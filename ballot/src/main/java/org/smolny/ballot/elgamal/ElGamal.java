package org.smolny.ballot.elgamal;

import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.SecretScalar;

/** Exponential ElGamal encryption (ballot spec §5.1). Stateless. */
public final class ElGamal {
    private ElGamal() {
    }

    /** (A, B) = (g^r, g^m · K^r), ballot spec §5.1 eq 20; K^r and g^r use the constant-time multipliers. */
    public static Ciphertext encrypt(ElectionPublicKey key, long plaintext, SecretScalar nonce) {
        Group group = key.element().group();
        return new Ciphertext(group.powerOfGenerator(nonce),
                group.powerOfGenerator(group.scalar(plaintext)).multiply(key.element().power(nonce)));
    }
}
