package org.smolny.ballot.decrypt;

import java.util.List;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.Scalar;

/** Lagrange coefficients at 0 for a set of trustee indices (ballot spec §8.3 eq 45). Stateless. */
public final class Lagrange {
    private Lagrange() {
    }

    /** λᵢ = Π_{j ∈ S, j ≠ i} j / (j − i) mod q. */
    public static Scalar coefficient(Group group, List<Integer> indices, int i) {
        Scalar numerator = group.scalar(1);
        Scalar denominator = group.scalar(1);
        for (int j : indices) {
            if (j == i) {
                continue;
            }
            numerator = numerator.multiply(group.scalar(j));
            denominator = denominator.multiply(group.scalar(j).subtract(group.scalar(i)));
        }
        return numerator.multiply(denominator.inverse());
    }
}
