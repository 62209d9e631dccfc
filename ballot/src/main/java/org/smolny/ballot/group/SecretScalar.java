package org.smolny.ballot.group;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret integer modulo q: an encryption nonce, a polynomial coefficient, a key share, a credential key. It never
 * prints its value, has no value-based hashCode, and compares in constant time. Scalar multiplication by it uses a
 * constant-time multiplier (ballot spec §2.5). Immutable and thread-safe.
 *
 * <p>The modular additions done with secrets to form proof responses use {@link BigInteger}, which is not
 * constant-time; ballot spec §2.5 states this limit.
 */
public final class SecretScalar {
    private final Group group;
    private final BigInteger value;

    SecretScalar(Group group, BigInteger value) {
        this.group = Objects.requireNonNull(group, "group");
        if (value.signum() <= 0 || value.compareTo(group.order()) >= 0) {
            throw new IllegalArgumentException("a secret scalar must lie in [1, q)");
        }
        this.value = value;
    }

    public Group group() {
        return group;
    }

    /** The value, for the group implementation and for writing the owner's own secret file only. */
    public BigInteger revealValue() {
        return value;
    }

    /** Canonical encoding, for the owner's own secret file or a Benaloh challenge that deliberately reveals it. */
    public byte[] revealEncoding() {
        return Bytes.fixedLength(value, group.scalarLength());
    }

    /** The public scalar u + c·x mod q (the response of a sigma protocol, ballot spec §4). */
    public Scalar responseTo(Scalar challenge, SecretScalar witness) {
        check(challenge.group());
        check(witness.group);
        return group.scalar(value.add(challenge.value().multiply(witness.value)).mod(group.order()));
    }

    /** this + other mod q, as a secret (summing key shares); fails if the sum is zero. */
    public SecretScalar add(SecretScalar other) {
        check(other.group);
        return new SecretScalar(group, value.add(other.value).mod(group.order()));
    }

    private void check(Group other) {
        if (other != group) {
            throw new IllegalArgumentException("operands of different groups");
        }
    }

    /** Constant-time equality of the encodings. */
    public boolean constantTimeEquals(SecretScalar other) {
        return other != null && other.group == group
                && MessageDigest.isEqual(revealEncoding(), other.revealEncoding());
    }

    @Override
    public String toString() {
        return "SecretScalar[redacted]";
    }
}
