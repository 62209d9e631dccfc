package org.smolny.ballot.group;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A precomputed table for raising one fixed element P of P-256 to many exponents: for every 16-bit window i of the
 * exponent (17 windows, the last for the carry of the signed recoding) it holds the affine points
 * d·2^(16i)·P for d = 1 … 2^15, so that P^k costs at most 17 mixed additions (one per signed digit of k) and no
 * doubling. About 35 MB per base; building it takes about half a million additions (a second or two).
 *
 * <p><b>Variable time.</b> The table lookups and the skipped zero digits depend on the exponent, so this must not be
 * used for secrets on a machine an attacker shares or can time: it is for the election simulator (which generates
 * test elections with many millions of exponentiations) and for public values. Ballot encryption on a voter's device
 * ({@code BallotEncryptor}, the browser) keeps the constant-time multipliers of ballot spec §2.5.
 *
 * <p>Immutable and thread-safe once built; use {@link PowerBatch} (one per thread) to compute with it.
 */
public final class FixedBaseTable {
    static final int WINDOW = 16;
    static final int WINDOWS = 17;
    static final int HALF = 1 << (WINDOW - 1);

    private final P256Group group;
    private final GroupElement base;
    /** affine points: entry (window i, digit d ≥ 1) at ((i·HALF) + d − 1)·16. */
    final int[] table;

    private FixedBaseTable(P256Group group, GroupElement base, int[] table) {
        this.group = group;
        this.base = base;
        this.table = table;
    }

    /** Builds the table of a non-identity element of P-256. */
    public static FixedBaseTable of(GroupElement base) {
        if (!(base.group() instanceof P256Group group)) {
            throw new IllegalArgumentException("fixed-base tables are built for P-256 elements");
        }
        if (base.isIdentity()) {
            throw new IllegalArgumentException("no table for the identity");
        }
        int[] table = new int[WINDOWS * HALF * P256Raw.AFFINE];
        P256Raw raw = new P256Raw();
        int[] windowBase = new int[P256Raw.AFFINE];
        P256Raw.storeAffine(group.point(base), windowBase, 0);
        int[] jacobian = new int[HALF * 3 * P256Raw.LIMBS];
        int[] affine = new int[HALF * P256Raw.AFFINE];
        for (int w = 0; w < WINDOWS; w++) {
            // d·B for d = 1..2^15, B = 2^(16w)·P, by repeated mixed addition of B
            raw.setInfinity();
            for (int d = 0; d < HALF; d++) {
                raw.addAffine(windowBase, 0, false);
                raw.storeJacobian(jacobian, d * 3 * P256Raw.LIMBS);
            }
            boolean[] infinite = raw.normalize(jacobian, HALF, affine);
            for (boolean inf : infinite) {
                if (inf) {
                    throw new IllegalStateException("a multiple below the group order is the identity");
                }
            }
            System.arraycopy(affine, 0, table, w * HALF * P256Raw.AFFINE, HALF * P256Raw.AFFINE);
            // the next window's base: 2 · (2^15 · B) = 2^16 · B
            raw.set(affine, (HALF - 1) * P256Raw.AFFINE, false);
            raw.twice();
            raw.storeJacobian(jacobian, 0);
            raw.normalize(jacobian, 1, windowBase);
        }
        return new FixedBaseTable(group, base, table);
    }

    public GroupElement base() {
        return base;
    }

    P256Group group() {
        return group;
    }

    /**
     * Adds P^k to the accumulator of {@code raw}: k (0 ≤ k < 2^256) is recoded into 17 signed 16-bit digits in
     * [−2^15, 2^15], and each non-zero digit adds one table entry (negated for a negative digit).
     */
    void accumulate(P256Raw raw, BigInteger k) {
        int[] words = P256Raw.limbs(k);
        int carry = 0;
        for (int w = 0; w < WINDOWS; w++) {
            int d = carry;
            if (w < WINDOWS - 1) {
                d += (words[w >>> 1] >>> ((w & 1) * WINDOW)) & 0xffff;
            }
            if (d > HALF) {
                d -= 1 << WINDOW;
                carry = 1;
            } else {
                carry = 0;
            }
            if (d != 0) {
                int index = (w * HALF + Math.abs(d) - 1) * P256Raw.AFFINE;
                raw.addAffine(table, index, d < 0);
            }
        }
    }

    /** Convenience: P^k as an element (one inversion; use {@link PowerBatch} to share it among many). */
    public GroupElement power(BigInteger k) {
        PowerBatch batch = new PowerBatch(group);
        batch.power(this, k);
        return batch.finish().get(0);
    }

    ECPoint basePoint() {
        return group.point(base);
    }
}
