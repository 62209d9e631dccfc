package org.smolny.ballot.group;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes many products of powers of fixed bases (P^k, or P^k·Q^l) with {@link FixedBaseTable}s and returns them as
 * affine elements, normalised together with one field inversion (Montgomery's trick), ready to be encoded. Variable
 * time (see {@link FixedBaseTable}). Not thread-safe: one per thread; reusable after {@link #finish()}.
 */
public final class PowerBatch {
    private final P256Group group;
    private final P256Raw raw = new P256Raw();
    private int[] jacobian = new int[64 * 3 * P256Raw.LIMBS];
    private int count;

    public PowerBatch(P256Group group) {
        this.group = group;
    }

    /** Queues P^k (0 ≤ k < q); returns its position in the list {@link #finish()} returns. */
    public int power(FixedBaseTable p, BigInteger k) {
        check(p, k);
        raw.setInfinity();
        p.accumulate(raw, k);
        return store();
    }

    /** Queues P^k · Q^l; returns its position in the list {@link #finish()} returns. */
    public int product(FixedBaseTable p, BigInteger k, FixedBaseTable q, BigInteger l) {
        check(p, k);
        check(q, l);
        raw.setInfinity();
        p.accumulate(raw, k);
        q.accumulate(raw, l);
        return store();
    }

    public int size() {
        return count;
    }

    /** The queued results in order, as affine elements (the identity where a result is the identity); clears. */
    public List<GroupElement> finish() {
        int[] affine = new int[count * P256Raw.AFFINE];
        boolean[] infinite = raw.normalize(jacobian, count, affine);
        List<GroupElement> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(infinite[i] ? group.identity()
                    : new P256Element(group, P256Raw.point(group.curve(), affine, i * P256Raw.AFFINE)));
        }
        count = 0;
        return out;
    }

    private int store() {
        int need = (count + 1) * 3 * P256Raw.LIMBS;
        if (need > jacobian.length) {
            jacobian = Arrays.copyOf(jacobian, Math.max(need, 2 * jacobian.length));
        }
        raw.storeJacobian(jacobian, count * 3 * P256Raw.LIMBS);
        return count++;
    }

    private void check(FixedBaseTable t, BigInteger k) {
        if (t.group() != group) {
            throw new IllegalArgumentException("a table of another group");
        }
        if (k.signum() < 0 || k.compareTo(group.order()) >= 0) {
            throw new IllegalArgumentException("an exponent must lie in [0, q)");
        }
    }
}
