package org.smolny.ballot.elgamal;

import java.util.Objects;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.Scalar;

/**
 * An exponential ElGamal ciphertext (A, B) = (g^r, g^m·K^r) (ballot spec §5.1). Immutable; both parts belong to the
 * same group.
 */
public record Ciphertext(GroupElement alpha, GroupElement beta) {
    public Ciphertext {
        Objects.requireNonNull(alpha, "alpha");
        Objects.requireNonNull(beta, "beta");
        if (alpha.group() != beta.group()) {
            throw new IllegalArgumentException("the two parts of a ciphertext belong to different groups");
        }
    }

    /** The encryption of 0 with nonce 0: the neutral element of homomorphic addition. */
    public static Ciphertext zero(org.smolny.ballot.group.Group group) {
        return new Ciphertext(group.identity(), group.identity());
    }

    /** Homomorphic addition of plaintexts (ballot spec §5.1 eq 21). */
    public Ciphertext add(Ciphertext other) {
        return new Ciphertext(alpha.multiply(other.alpha), beta.multiply(other.beta));
    }

    /** Homomorphic multiplication of the plaintext by a public weight w (ballot spec §5.1 eq 22). */
    public Ciphertext scale(Scalar weight) {
        return new Ciphertext(alpha.power(weight), beta.power(weight));
    }
}
