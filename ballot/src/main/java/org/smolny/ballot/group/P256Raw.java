package org.smolny.ballot.group;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * P-256 point arithmetic on Bouncy Castle's raw field arithmetic ({@link SecP256R1Field}, 8 little-endian 32-bit
 * limbs), without an allocation per operation: the mixed addition and the doubling of ballot spec §9.3 and the batch
 * normalisation (Montgomery's trick: one field inversion for many points). Variable time: for public values, and for
 * the simulator (ballot spec §2.5 names the constant-time multipliers used for real secrets). A Jacobian point is held in
 * this object's accumulator registers; an affine point is two 8-limb arrays at an offset of a flat {@code int[]}.
 * Not thread-safe: one instance per thread.
 */
final class P256Raw {
    static final int LIMBS = 8;
    /** An affine point takes x then y: 16 ints. */
    static final int AFFINE = 2 * LIMBS;

    // the Jacobian accumulator (X, Y, Z), infinity when `infinity`
    final int[] x = new int[LIMBS];
    final int[] y = new int[LIMBS];
    final int[] z = new int[LIMBS];
    boolean infinity = true;

    private final int[] tt = new int[2 * LIMBS];
    private final int[] ax = new int[LIMBS];
    private final int[] ay = new int[LIMBS];
    private final int[] t1 = new int[LIMBS];
    private final int[] t2 = new int[LIMBS];
    private final int[] t3 = new int[LIMBS];
    private final int[] t4 = new int[LIMBS];
    private final int[] t5 = new int[LIMBS];

    void setInfinity() {
        infinity = true;
    }

    /** accumulator = the affine point at {@code table[offset..offset+16)}, negated if {@code negate}. */
    void set(int[] table, int offset, boolean negate) {
        System.arraycopy(table, offset, x, 0, LIMBS);
        System.arraycopy(table, offset + LIMBS, y, 0, LIMBS);
        if (negate) {
            SecP256R1Field.negate(y, y);
        }
        Nat256.zero(z);
        z[0] = 1;
        infinity = false;
    }

    /**
     * accumulator += the affine point at {@code table[offset..]} (negated if {@code negate}): mixed Jacobian–affine
     * addition, 8M + 3S, falling back to a doubling or to infinity when the two points coincide or are opposite.
     */
    void addAffine(int[] table, int offset, boolean negate) {
        if (infinity) {
            set(table, offset, negate);
            return;
        }
        System.arraycopy(table, offset, ax, 0, LIMBS);
        System.arraycopy(table, offset + LIMBS, ay, 0, LIMBS);
        if (negate) {
            SecP256R1Field.negate(ay, ay);
        }
        SecP256R1Field.square(z, t1, tt);              // Z1Z1
        SecP256R1Field.multiply(ax, t1, t2, tt);       // U2 = x2·Z1Z1
        SecP256R1Field.multiply(t1, z, t1, tt);        // Z1³
        SecP256R1Field.multiply(ay, t1, t3, tt);       // S2 = y2·Z1³
        SecP256R1Field.subtract(t2, x, t2);            // H = U2 − X1
        SecP256R1Field.subtract(t3, y, t3);            // r = S2 − Y1
        if (Nat256.isZero(t2)) {
            if (Nat256.isZero(t3)) {
                twice();
            } else {
                infinity = true;
            }
            return;
        }
        SecP256R1Field.square(t2, t4, tt);             // HH
        SecP256R1Field.multiply(t4, t2, t5, tt);       // HHH
        SecP256R1Field.multiply(x, t4, t4, tt);        // V = X1·HH
        SecP256R1Field.multiply(z, t2, z, tt);         // Z3 = Z1·H
        SecP256R1Field.square(t3, x, tt);              // r²
        SecP256R1Field.subtract(x, t5, x);             // r² − HHH
        SecP256R1Field.subtract(x, t4, x);
        SecP256R1Field.subtract(x, t4, x);             // X3 = r² − HHH − 2V
        SecP256R1Field.subtract(t4, x, t4);            // V − X3
        SecP256R1Field.multiply(t3, t4, t4, tt);       // r·(V − X3)
        SecP256R1Field.multiply(y, t5, t5, tt);        // Y1·HHH
        SecP256R1Field.subtract(t4, t5, y);            // Y3
    }

    /**
     * accumulator += other's accumulator: Jacobian addition (add-1998-cmo-2, 12M + 4S), falling back to a doubling or
     * to infinity when the two points coincide or are opposite.
     */
    void addJacobian(P256Raw other) {
        if (other.infinity) {
            return;
        }
        if (infinity) {
            System.arraycopy(other.x, 0, x, 0, LIMBS);
            System.arraycopy(other.y, 0, y, 0, LIMBS);
            System.arraycopy(other.z, 0, z, 0, LIMBS);
            infinity = false;
            return;
        }
        SecP256R1Field.square(other.z, t1, tt);        // Z2²
        SecP256R1Field.multiply(x, t1, t2, tt);        // U1 = X1·Z2²
        SecP256R1Field.multiply(t1, other.z, t1, tt);  // Z2³
        SecP256R1Field.multiply(y, t1, t3, tt);        // S1 = Y1·Z2³
        SecP256R1Field.square(z, t1, tt);              // Z1²
        SecP256R1Field.multiply(other.x, t1, t4, tt);  // U2 = X2·Z1²
        SecP256R1Field.multiply(t1, z, t1, tt);        // Z1³
        SecP256R1Field.multiply(other.y, t1, t5, tt);  // S2 = Y2·Z1³
        SecP256R1Field.subtract(t4, t2, t4);           // H = U2 − U1
        SecP256R1Field.subtract(t5, t3, t5);           // r = S2 − S1
        if (Nat256.isZero(t4)) {
            if (Nat256.isZero(t5)) {
                twice();
            } else {
                infinity = true;
            }
            return;
        }
        SecP256R1Field.multiply(z, other.z, z, tt);
        SecP256R1Field.multiply(z, t4, z, tt);         // Z3 = Z1·Z2·H
        SecP256R1Field.square(t4, t1, tt);             // H²
        SecP256R1Field.multiply(t1, t4, t4, tt);       // H³
        SecP256R1Field.multiply(t2, t1, t2, tt);       // V = U1·H²
        SecP256R1Field.square(t5, x, tt);              // r²
        SecP256R1Field.subtract(x, t4, x);
        SecP256R1Field.subtract(x, t2, x);
        SecP256R1Field.subtract(x, t2, x);             // X3 = r² − H³ − 2V
        SecP256R1Field.subtract(t2, x, t2);            // V − X3
        SecP256R1Field.multiply(t5, t2, t2, tt);       // r·(V − X3)
        SecP256R1Field.multiply(t3, t4, t3, tt);       // S1·H³
        SecP256R1Field.subtract(t2, t3, y);            // Y3
    }

    /** accumulator = 2·accumulator (a = −3: dbl-2001-b). */
    void twice() {
        if (infinity) {
            return;
        }
        if (Nat256.isZero(y)) {
            infinity = true;
            return;
        }
        SecP256R1Field.square(z, t1, tt);              // delta = Z²
        SecP256R1Field.square(y, t2, tt);              // gamma = Y²
        SecP256R1Field.multiply(x, t2, t3, tt);        // beta = X·gamma
        SecP256R1Field.subtract(x, t1, t4);            // X − delta
        SecP256R1Field.add(x, t1, t5);                 // X + delta
        SecP256R1Field.multiply(t4, t5, t4, tt);
        SecP256R1Field.twice(t4, t5);
        SecP256R1Field.add(t4, t5, t4);                // alpha = 3(X − delta)(X + delta)
        SecP256R1Field.add(y, z, z);
        SecP256R1Field.square(z, z, tt);
        SecP256R1Field.subtract(z, t2, z);
        SecP256R1Field.subtract(z, t1, z);             // Z3 = (Y + Z)² − gamma − delta
        SecP256R1Field.twice(t3, t3);
        SecP256R1Field.twice(t3, t3);                  // 4·beta
        SecP256R1Field.square(t4, x, tt);
        SecP256R1Field.subtract(x, t3, x);
        SecP256R1Field.subtract(x, t3, x);             // X3 = alpha² − 8·beta
        SecP256R1Field.subtract(t3, x, t3);            // 4·beta − X3
        SecP256R1Field.multiply(t4, t3, t3, tt);       // alpha·(4·beta − X3)
        SecP256R1Field.square(t2, t2, tt);             // gamma²
        SecP256R1Field.twice(t2, t2);
        SecP256R1Field.twice(t2, t2);
        SecP256R1Field.twice(t2, t2);                  // 8·gamma²
        SecP256R1Field.subtract(t3, t2, y);
    }

    /** Copies the accumulator as a Jacobian point (X, Y, Z; Z = 0 for infinity) to {@code out[offset..+24)}. */
    void storeJacobian(int[] out, int offset) {
        if (infinity) {
            java.util.Arrays.fill(out, offset, offset + 3 * LIMBS, 0);
            return;
        }
        System.arraycopy(x, 0, out, offset, LIMBS);
        System.arraycopy(y, 0, out, offset + LIMBS, LIMBS);
        System.arraycopy(z, 0, out, offset + 2 * LIMBS, LIMBS);
    }

    /** Loads a Jacobian point stored by {@link #storeJacobian} into the accumulator. */
    void loadJacobian(int[] in, int offset) {
        System.arraycopy(in, offset, x, 0, LIMBS);
        System.arraycopy(in, offset + LIMBS, y, 0, LIMBS);
        System.arraycopy(in, offset + 2 * LIMBS, z, 0, LIMBS);
        infinity = Nat256.isZero(z);
    }

    /**
     * Converts n Jacobian points ({@code jacobian[24i..]}) to affine ({@code affine[16i..]}) with one field inversion
     * (Montgomery's trick). Returns, per point, whether it is the point at infinity (its affine slot is then zero).
     */
    boolean[] normalize(int[] jacobian, int n, int[] affine) {
        boolean[] atInfinity = new boolean[n];
        int[] prefix = new int[n * LIMBS];
        int[] running = new int[LIMBS];
        running[0] = 1;
        int[] zi = new int[LIMBS];
        for (int i = 0; i < n; i++) {
            System.arraycopy(jacobian, 3 * LIMBS * i + 2 * LIMBS, zi, 0, LIMBS);
            if (Nat256.isZero(zi)) {
                atInfinity[i] = true;
            } else {
                SecP256R1Field.multiply(running, zi, running, tt);
            }
            System.arraycopy(running, 0, prefix, i * LIMBS, LIMBS);
        }
        int[] inverse = new int[LIMBS];
        SecP256R1Field.inv(running, inverse);
        int[] zInv = new int[LIMBS];
        int[] zInv2 = new int[LIMBS];
        for (int i = n - 1; i >= 0; i--) {
            if (atInfinity[i]) {
                java.util.Arrays.fill(affine, AFFINE * i, AFFINE * i + AFFINE, 0);
                continue;
            }
            System.arraycopy(jacobian, 3 * LIMBS * i + 2 * LIMBS, zi, 0, LIMBS);
            if (i > 0) {
                System.arraycopy(prefix, (i - 1) * LIMBS, t1, 0, LIMBS);
                SecP256R1Field.multiply(inverse, t1, zInv, tt);     // 1/Zᵢ
                SecP256R1Field.multiply(inverse, zi, inverse, tt);  // 1/(Z₀…Zᵢ₋₁)
            } else {
                System.arraycopy(inverse, 0, zInv, 0, LIMBS);
            }
            SecP256R1Field.square(zInv, zInv2, tt);
            System.arraycopy(jacobian, 3 * LIMBS * i, t1, 0, LIMBS);
            SecP256R1Field.multiply(t1, zInv2, t1, tt);
            System.arraycopy(t1, 0, affine, AFFINE * i, LIMBS);
            SecP256R1Field.multiply(zInv2, zInv, zInv2, tt);
            System.arraycopy(jacobian, 3 * LIMBS * i + LIMBS, t1, 0, LIMBS);
            SecP256R1Field.multiply(t1, zInv2, t1, tt);
            System.arraycopy(t1, 0, affine, AFFINE * i + LIMBS, LIMBS);
        }
        return atInfinity;
    }

    /** Writes an affine Bouncy Castle point (normalised here) to {@code out[offset..+16)}. */
    static void storeAffine(ECPoint point, int[] out, int offset) {
        ECPoint p = point.normalize();
        byte[] bytes = new byte[2 * 4 * LIMBS];
        p.getAffineXCoord().encodeTo(bytes, 0);
        p.getAffineYCoord().encodeTo(bytes, 4 * LIMBS);
        // big-endian bytes to little-endian 32-bit limbs
        for (int i = 0; i < LIMBS; i++) {
            out[offset + i] = bigEndianInt(bytes, 4 * (LIMBS - 1 - i));
            out[offset + LIMBS + i] = bigEndianInt(bytes, 4 * LIMBS + 4 * (LIMBS - 1 - i));
        }
    }

    private static int bigEndianInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    /** The Bouncy Castle point of the affine coordinates at {@code affine[offset..+16)} (not re-validated). */
    static ECPoint point(ECCurve curve, int[] affine, int offset) {
        int[] px = new int[LIMBS];
        int[] py = new int[LIMBS];
        System.arraycopy(affine, offset, px, 0, LIMBS);
        System.arraycopy(affine, offset + LIMBS, py, 0, LIMBS);
        return curve.createPoint(Nat256.toBigInteger(px), Nat256.toBigInteger(py));
    }

    /** The Bouncy Castle point of the accumulator (Jacobian, normalised by one inversion). */
    ECPoint toPoint(ECCurve curve) {
        if (infinity) {
            return curve.getInfinity();
        }
        int[] jac = new int[3 * LIMBS];
        storeJacobian(jac, 0);
        int[] aff = new int[AFFINE];
        normalize(jac, 1, aff);
        return point(curve, aff, 0);
    }

    /** The 8 limbs of a non-negative integer below 2^256. */
    static int[] limbs(BigInteger k) {
        return Nat256.fromBigInteger(k);
    }
}
