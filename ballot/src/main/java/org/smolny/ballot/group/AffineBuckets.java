package org.smolny.ballot.group;

import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * Sums the points of every bucket of one Pippenger window in affine coordinates (ballot spec §9.3): in each round the
 * points of every bucket are added in pairs, and all the pairs of the round share one field inversion (Montgomery's
 * trick), so an addition costs about 5 multiplications and a squaring instead of the 11 of a mixed Jacobian addition.
 * Pairs of equal points (doubling), of opposite points and of points at infinity are handled on their own. Not
 * thread-safe: one per thread.
 */
final class AffineBuckets {
    private static final int L = P256Raw.LIMBS;
    private static final int A = P256Raw.AFFINE;

    private final int[] tt = new int[2 * L];
    private final int[] x1 = new int[L];
    private final int[] y1 = new int[L];
    private final int[] x2 = new int[L];
    private final int[] y2 = new int[L];
    private final int[] lambda = new int[L];
    private final int[] t = new int[L];
    private final int[] inverse = new int[L];
    private int[] denominators = new int[0];
    private int[] prefix = new int[0];
    private int[] pairs = new int[0];

    /**
     * Reduces each bucket b (slots {@code start[b]} … {@code start[b] + count[b] − 1} of {@code work}, affine points,
     * {@code infinite[slot]} marking the point at infinity) to a single point at slot {@code start[b]};
     * {@code count[b]} becomes 0 or 1.
     */
    void reduce(int[] work, boolean[] infinite, int[] start, int[] count, int buckets) {
        while (true) {
            int m = 0;
            for (int b = 1; b <= buckets; b++) {
                m += count[b] >>> 1;
            }
            if (m == 0) {
                return;
            }
            if (pairs.length < m) {
                pairs = new int[m];
                denominators = new int[m * L];
                prefix = new int[m * L];
            }
            // pass 1: the first slot of every pair, and its denominator x₂ − x₁ (1 for a pair handled on its own)
            int i = 0;
            for (int b = 1; b <= buckets; b++) {
                int base = start[b];
                for (int p = 0; p < count[b] >>> 1; p++) {
                    int s = base + 2 * p;
                    pairs[i] = s;
                    boolean special = infinite[s] || infinite[s + 1];
                    if (!special) {
                        load(work, s, x1, y1);
                        System.arraycopy(work, (s + 1) * A, x2, 0, L);
                        SecP256R1Field.subtract(x2, x1, t);
                        special = Nat256.isZero(t);
                    }
                    if (special) {
                        Nat256.zero(t);
                        t[0] = 1;
                    }
                    System.arraycopy(t, 0, denominators, i * L, L);
                    i++;
                }
            }
            invertAll(m);
            // pass 2: each pair's sum goes to slot base + p (only slots already read are overwritten)
            i = 0;
            for (int b = 1; b <= buckets; b++) {
                int base = start[b];
                int k = count[b];
                for (int p = 0; p < k >>> 1; p++) {
                    add(work, infinite, pairs[i], base + p, i);
                    i++;
                }
                if ((k & 1) == 1) {
                    move(work, infinite, base + k - 1, base + (k >>> 1));
                }
                count[b] = (k + 1) >>> 1;
            }
        }
    }

    /** Replaces denominators[0..m) by their inverses with one field inversion. */
    private void invertAll(int m) {
        System.arraycopy(denominators, 0, prefix, 0, L);
        for (int i = 1; i < m; i++) {
            System.arraycopy(prefix, (i - 1) * L, t, 0, L);
            System.arraycopy(denominators, i * L, x1, 0, L);
            SecP256R1Field.multiply(t, x1, t, tt);
            System.arraycopy(t, 0, prefix, i * L, L);
        }
        System.arraycopy(prefix, (m - 1) * L, t, 0, L);
        SecP256R1Field.inv(t, inverse);
        for (int i = m - 1; i > 0; i--) {
            System.arraycopy(prefix, (i - 1) * L, t, 0, L);
            SecP256R1Field.multiply(inverse, t, t, tt);               // 1/dᵢ
            System.arraycopy(denominators, i * L, x1, 0, L);
            SecP256R1Field.multiply(inverse, x1, inverse, tt);        // 1/(d₀…dᵢ₋₁)
            System.arraycopy(t, 0, denominators, i * L, L);
        }
        System.arraycopy(inverse, 0, denominators, 0, L);
    }

    /** slot {@code to} = slot s + slot s+1, with the inverse of their denominator at index i. */
    private void add(int[] work, boolean[] infinite, int s, int to, int i) {
        if (infinite[s] || infinite[s + 1]) {
            if (infinite[s]) {
                move(work, infinite, s + 1, to);
            } else {
                move(work, infinite, s, to);
            }
            return;
        }
        load(work, s, x1, y1);
        load(work, s + 1, x2, y2);
        SecP256R1Field.subtract(x2, x1, t);
        if (Nat256.isZero(t)) {
            SecP256R1Field.add(y1, y2, t);
            if (Nat256.isZero(t)) {
                infinite[to] = true;         // opposite points (or a point of order 2, which P-256 has not)
                return;
            }
            // equal points: λ = (3x² − 3) / (2y)
            SecP256R1Field.square(x1, lambda, tt);
            SecP256R1Field.subtract(lambda, one(), lambda);
            SecP256R1Field.twice(lambda, t);
            SecP256R1Field.add(lambda, t, lambda);
            SecP256R1Field.twice(y1, t);
            SecP256R1Field.inv(t, inverse);
            SecP256R1Field.multiply(lambda, inverse, lambda, tt);
        } else {
            System.arraycopy(denominators, i * L, t, 0, L);
            SecP256R1Field.subtract(y2, y1, lambda);
            SecP256R1Field.multiply(lambda, t, lambda, tt);      // λ = (y₂ − y₁)/(x₂ − x₁)
        }
        SecP256R1Field.square(lambda, t, tt);
        SecP256R1Field.subtract(t, x1, t);
        SecP256R1Field.subtract(t, x2, t);                       // x₃ = λ² − x₁ − x₂
        SecP256R1Field.subtract(x1, t, x2);
        SecP256R1Field.multiply(lambda, x2, x2, tt);
        SecP256R1Field.subtract(x2, y1, y2);                     // y₃ = λ(x₁ − x₃) − y₁
        System.arraycopy(t, 0, work, to * A, L);
        System.arraycopy(y2, 0, work, to * A + L, L);
        infinite[to] = false;
    }

    private static int[] one() {
        int[] one = new int[L];
        one[0] = 1;
        return one;
    }

    private static void load(int[] work, int slot, int[] x, int[] y) {
        System.arraycopy(work, slot * A, x, 0, L);
        System.arraycopy(work, slot * A + L, y, 0, L);
    }

    private static void move(int[] work, boolean[] infinite, int from, int to) {
        if (from != to) {
            System.arraycopy(work, from * A, work, to * A, A);
            infinite[to] = infinite[from];
        }
    }
}
