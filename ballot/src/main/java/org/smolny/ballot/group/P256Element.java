package org.smolny.ballot.group;

import org.bouncycastle.math.ec.ECPoint;

/** A point of P-256, possibly held in Jacobian coordinates until it is encoded. Immutable and thread-safe. */
final class P256Element implements GroupElement {
    private final P256Group group;
    private final ECPoint point;

    P256Element(P256Group group, ECPoint point) {
        this.group = group;
        this.point = point;
    }

    ECPoint point() {
        return point;
    }

    @Override
    public Group group() {
        return group;
    }

    private ECPoint other(GroupElement other) {
        return group.point(other);
    }

    @Override
    public GroupElement multiply(GroupElement other) {
        return new P256Element(group, point.add(other(other)));
    }

    @Override
    public GroupElement divide(GroupElement other) {
        return new P256Element(group, point.subtract(other(other)));
    }

    @Override
    public GroupElement inverse() {
        return new P256Element(group, point.negate());
    }

    @Override
    public GroupElement power(Scalar k) {
        if (k.group() != group) {
            throw new IllegalArgumentException("scalar of another group");
        }
        return new P256Element(group, point.multiply(k.value()));
    }

    @Override
    public GroupElement power(SecretScalar k) {
        if (k.group() != group) {
            throw new IllegalArgumentException("scalar of another group");
        }
        return new P256Element(group, group.multiplySecret(point, k.revealValue()));
    }

    @Override
    public boolean isIdentity() {
        return point.isInfinity();
    }

    @Override
    public byte[] encode() {
        return point.getEncoded(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof P256Element e && e.group == group && e.point.equals(point);
    }

    @Override
    public int hashCode() {
        return point.hashCode();
    }

    @Override
    public String toString() {
        return "P256Element[" + Bytes.hex(encode()) + "]";
    }
}
