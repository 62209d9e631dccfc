package org.smolny.ballot.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PippengerTest {
    private static final P256Group GROUP = P256Group.instance();
    private final SecureRandom random = new SecureRandom();

    private GroupElement naive(List<GroupElement> bases, List<BigInteger> exponents) {
        GroupElement out = GROUP.identity();
        for (int i = 0; i < bases.size(); i++) {
            out = out.multiply(bases.get(i).power(GROUP.scalar(exponents.get(i).mod(GROUP.order()))));
        }
        return out;
    }

    @Test
    void equal_points_in_one_bucket_are_doubled_and_opposite_points_cancel() {
        GroupElement p = GROUP.powerOfGenerator(GROUP.randomSecret(random));
        GroupElement q = GROUP.powerOfGenerator(GROUP.randomSecret(random));
        List<GroupElement> bases = new ArrayList<>();
        List<BigInteger> exponents = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            BigInteger k = i < 500 ? BigInteger.valueOf(1 + i % 7) : new BigInteger(128, random);
            // p and p again (doubling), p and p⁻¹ with the same exponent (cancelling), q once
            bases.add(p);
            exponents.add(k);
            bases.add(i % 2 == 0 ? p : p.inverse());
            exponents.add(k);
            bases.add(q);
            exponents.add(BigInteger.valueOf(i % 3));
        }
        assertThat(GROUP.multiPower(bases, exponents, 1)).isEqualTo(naive(bases, exponents));
        assertThat(GROUP.multiPower(bases, exponents, 2)).isEqualTo(naive(bases, exponents));
    }

    @Test
    void a_product_that_is_the_identity_is_found_to_be_the_identity() {
        List<GroupElement> bases = new ArrayList<>();
        List<BigInteger> exponents = new ArrayList<>();
        GroupElement sum = GROUP.identity();
        for (int i = 0; i < 2000; i++) {
            GroupElement b = GROUP.powerOfGenerator(GROUP.randomSecret(random));
            BigInteger e = new BigInteger(i % 2 == 0 ? 128 : 255, random);
            bases.add(b);
            exponents.add(e);
            sum = sum.multiply(b.power(GROUP.scalar(e)));
        }
        bases.add(sum.inverse());
        exponents.add(BigInteger.ONE);
        bases.add(GROUP.identity());
        exponents.add(BigInteger.TEN);
        assertThat(GROUP.multiPower(bases, exponents, 2).isIdentity()).isTrue();
        exponents.set(0, exponents.get(0).add(BigInteger.ONE));
        assertThat(GROUP.multiPower(bases, exponents, 2).isIdentity()).isFalse();
    }
}
