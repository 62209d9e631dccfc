package org.smolny.ballot.group;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A public integer modulo the group order q (a challenge, a response, a Lagrange coefficient). Immutable and
 * thread-safe. Operations check that both operands belong to the same group.
 */
public final class Scalar {
    private final Group group;
    private final BigInteger value;

    Scalar(Group group, BigInteger value) {
        this.group = Objects.requireNonNull(group, "group");
        if (value.signum() < 0 || value.compareTo(group.order()) >= 0) {
            throw new IllegalArgumentException("a scalar must lie in [0, q) of " + group.name());
        }
        this.value = value;
    }

    public Group group() {
        return group;
    }

    public BigInteger value() {
        return value;
    }

    private BigInteger q() {
        return group.order();
    }

    private Scalar of(BigInteger v) {
        return new Scalar(group, v.mod(q()));
    }

    private Scalar same(Scalar other) {
        if (other.group != group) {
            throw new IllegalArgumentException("scalars of different groups: " + group.name() + " and " + other.group.name());
        }
        return other;
    }

    public Scalar add(Scalar other) {
        return of(value.add(same(other).value));
    }

    public Scalar subtract(Scalar other) {
        return of(value.subtract(same(other).value));
    }

    public Scalar multiply(Scalar other) {
        return of(value.multiply(same(other).value));
    }

    public Scalar negate() {
        return of(value.negate());
    }

    /** The multiplicative inverse mod q; the scalar must not be zero. */
    public Scalar inverse() {
        if (value.signum() == 0) {
            throw new ArithmeticException("zero has no inverse mod q");
        }
        return of(value.modInverse(q()));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** Canonical fixed-length big-endian encoding (ballot spec §2.3). */
    public byte[] encode() {
        return Bytes.fixedLength(value, group.scalarLength());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scalar s && s.group == group && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Scalar[" + Bytes.hex(encode()) + "]";
    }
}
