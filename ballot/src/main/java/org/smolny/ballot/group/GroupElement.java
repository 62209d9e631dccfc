package org.smolny.ballot.group;

/**
 * A member of a {@link Group}. It carries its group, and every operation checks that both operands belong to the same
 * group. Immutable and thread-safe. Two elements are equal when they are the same member of the same group.
 */
public interface GroupElement {

    Group group();

    /** The group operation (point addition on a curve). */
    GroupElement multiply(GroupElement other);

    /** this · other⁻¹. */
    GroupElement divide(GroupElement other);

    GroupElement inverse();

    /** this^k for a public exponent k (variable time). */
    GroupElement power(Scalar k);

    /** this^k for a secret exponent k, computed with a constant-time multiplier (ballot spec §2.5). */
    GroupElement power(SecretScalar k);

    boolean isIdentity();

    /** The canonical encoding (ballot spec §2.2). */
    byte[] encode();
}
