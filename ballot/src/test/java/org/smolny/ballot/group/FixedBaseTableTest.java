package org.smolny.ballot.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedBaseTableTest {
    private static final P256Group GROUP = P256Group.instance();
    private static final FixedBaseTable G = FixedBaseTable.of(GROUP.generator());
    private final SecureRandom random = new SecureRandom();

    private static GroupElement reference(GroupElement base, BigInteger k) {
        return base.power(GROUP.scalar(k));
    }

    @Test
    void table_powers_of_the_generator_equal_bouncy_castles_for_random_and_edge_exponents() {
        BigInteger q = GROUP.order();
        List<BigInteger> exponents = new ArrayList<>(List.of(BigInteger.ONE, BigInteger.TWO,
                BigInteger.valueOf(0x8000), BigInteger.valueOf(0x8001), BigInteger.valueOf(0xffff),
                BigInteger.ONE.shiftLeft(16), BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE),
                q.subtract(BigInteger.ONE), q.subtract(BigInteger.TWO), q.shiftRight(1), q.shiftRight(1).add(BigInteger.ONE)));
        for (int i = 0; i < 40; i++) {
            exponents.add(GROUP.randomScalar(random).value());
        }
        PowerBatch batch = new PowerBatch(GROUP);
        for (BigInteger k : exponents) {
            batch.power(G, k);
        }
        List<GroupElement> out = batch.finish();
        for (int i = 0; i < exponents.size(); i++) {
            assertThat(out.get(i)).as("g^" + exponents.get(i)).isEqualTo(reference(GROUP.generator(), exponents.get(i)));
            assertThat(out.get(i).encode()).isEqualTo(reference(GROUP.generator(), exponents.get(i)).encode());
        }
    }

    @Test
    void the_zero_exponent_and_opposite_terms_give_the_identity() {
        BigInteger q = GROUP.order();
        PowerBatch batch = new PowerBatch(GROUP);
        batch.power(G, BigInteger.ZERO);
        BigInteger k = GROUP.randomScalar(random).value();
        batch.product(G, k, G, q.subtract(k));
        batch.product(G, k, G, k);
        List<GroupElement> out = batch.finish();
        assertThat(out.get(0).isIdentity()).isTrue();
        assertThat(out.get(1).isIdentity()).isTrue();
        assertThat(out.get(2)).isEqualTo(reference(GROUP.generator(), k.shiftLeft(1).mod(q)));
    }

    @Test
    void products_of_two_tables_equal_the_product_of_the_powers() {
        GroupElement other = GROUP.generator().power(GROUP.randomScalar(random));
        FixedBaseTable k = FixedBaseTable.of(other);
        PowerBatch batch = new PowerBatch(GROUP);
        List<BigInteger[]> pairs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BigInteger a = GROUP.randomScalar(random).value();
            BigInteger b = i == 0 ? BigInteger.ONE : GROUP.randomScalar(random).value();
            pairs.add(new BigInteger[] {a, b});
            batch.product(k, a, G, b);
        }
        List<GroupElement> out = batch.finish();
        for (int i = 0; i < pairs.size(); i++) {
            GroupElement expected = reference(other, pairs.get(i)[0]).multiply(reference(GROUP.generator(), pairs.get(i)[1]));
            assertThat(out.get(i)).isEqualTo(expected);
        }
    }
}
