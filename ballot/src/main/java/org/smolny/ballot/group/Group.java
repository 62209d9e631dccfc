package org.smolny.ballot.group;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

/**
 * A cyclic group of prime order q in which the ballot protocol runs (ballot spec §2).
 * Written multiplicatively: for an elliptic curve, "multiply" is point addition and "power" is
 * scalar multiplication. Implementations are immutable and thread-safe.
 */
public interface Group {

    /** The name hashed into every Fiat–Shamir challenge (ballot spec §3), e.g. {@code "P-256"}. */
    String name();

    /** The prime order q of the group. */
    BigInteger order();

    /** The generator g (ballot spec §2.1). */
    GroupElement generator();

    /** The neutral element. */
    GroupElement identity();

    /** Length in bytes of an encoded non-identity element (ballot spec §2.2). */
    int elementLength();

    /** Length in bytes of an encoded scalar (ballot spec §2.3). */
    int scalarLength();

    /**
     * Decodes an element and checks that it is a canonical encoding of a group member that is not the identity
     * (ballot spec §2.2). Throws {@link InvalidEncodingException} saying what is wrong.
     */
    GroupElement decodeElement(byte[] encoding);

    /** Like {@link #decodeElement} but also accepts the encoding of the identity (ballot spec §2.2). */
    GroupElement decodeElementOrIdentity(byte[] encoding);

    /** The scalar v mod q; v must already lie in [0, q). */
    Scalar scalar(BigInteger value);

    /** The scalar v mod q for a small integer v ≥ 0 (a vote, a count, a weight, a trustee index). */
    default Scalar scalar(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a small scalar must not be negative: " + value);
        }
        return scalar(BigInteger.valueOf(value));
    }

    /** Decodes a canonical 32-byte big-endian scalar below q (ballot spec §2.3). */
    Scalar decodeScalar(byte[] encoding);

    /** A uniformly random secret scalar in [1, q) from the given SecureRandom (ballot spec §2.4). */
    SecretScalar randomSecret(SecureRandom random);

    /** A uniformly random public scalar in [1, q), e.g. a simulated challenge or response of a proof. */
    default Scalar randomScalar(SecureRandom random) {
        return scalar(randomSecret(random).revealValue());
    }

    /** The secret scalar with the given value in [1, q); used to read a trustee's stored secret. */
    SecretScalar secret(BigInteger value);

    /** g^k for a public exponent k (variable time; fixed-base precomputation). */
    GroupElement powerOfGenerator(Scalar k);

    /** g^k for a secret exponent k (constant-time multiplier, ballot spec §2.5). */
    GroupElement powerOfGenerator(SecretScalar k);

    /** The product Π bases[i]^exponents[i] for a few public exponents (interleaved, one at a time). */
    GroupElement product(List<GroupElement> bases, List<Scalar> exponents);

    /**
     * The product Π bases[i]^exponents[i] for public exponents of any size ≥ 0: the multi-scalar multiplication used
     * by batch verification (ballot spec §9.3). Uses up to {@code threads} threads.
     */
    GroupElement multiPower(List<GroupElement> bases, List<BigInteger> exponents, int threads);
}
