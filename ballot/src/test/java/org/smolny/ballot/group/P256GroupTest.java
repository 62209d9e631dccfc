package org.smolny.ballot.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class P256GroupTest {
    private final P256Group group = P256Group.instance();
    private final SecureRandom random = new SecureRandom();

    @Test
    void an_element_survives_encoding_and_decoding() {
        GroupElement x = group.powerOfGenerator(group.randomSecret(random));
        assertThat(group.decodeElement(x.encode())).isEqualTo(x);
        assertThat(x.encode()).hasSize(65).startsWith(0x04);
    }

    @Test
    void decoding_rejects_points_off_the_curve_compressed_points_and_the_identity() {
        byte[] good = group.generator().encode();
        byte[] offCurve = good.clone();
        offCurve[64] ^= 1;
        assertThatThrownBy(() -> group.decodeElement(offCurve)).isInstanceOf(InvalidEncodingException.class)
                .hasMessageContaining("not on the P-256 curve");
        byte[] compressed = new byte[33];
        compressed[0] = 0x02;
        assertThatThrownBy(() -> group.decodeElement(compressed)).hasMessageContaining("65 bytes");
        assertThatThrownBy(() -> group.decodeElement(new byte[] {0})).hasMessageContaining("65 bytes");
        assertThat(group.decodeElementOrIdentity(new byte[] {0}).isIdentity()).isTrue();
        byte[] hybrid = good.clone();
        hybrid[0] = 0x06;
        assertThatThrownBy(() -> group.decodeElement(hybrid)).hasMessageContaining("must start with 0x04");
    }

    @Test
    void decoding_rejects_coordinates_not_reduced_modulo_p() {
        BigInteger p = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
        byte[] encoding = group.generator().encode();
        System.arraycopy(Bytes.fixedLength(p, 32), 0, encoding, 1, 32);
        assertThatThrownBy(() -> group.decodeElement(encoding)).hasMessageContaining("not below the field prime p");
    }

    @Test
    void scalars_must_be_canonical() {
        assertThatThrownBy(() -> group.decodeScalar(Bytes.fixedLength(group.order(), 32)))
                .hasMessageContaining("not below the group order");
        assertThatThrownBy(() -> group.decodeScalar(new byte[31])).hasMessageContaining("32 bytes");
        assertThat(group.decodeScalar(Bytes.fixedLength(BigInteger.TWO, 32))).isEqualTo(group.scalar(2));
    }

    @Test
    void secret_scalars_never_print_their_value_and_compare_in_constant_time() {
        SecretScalar s = group.randomSecret(random);
        assertThat(s.toString()).isEqualTo("SecretScalar[redacted]").doesNotContain(s.revealValue().toString(16));
        assertThat(s.constantTimeEquals(group.secret(s.revealValue()))).isTrue();
        assertThat(s.constantTimeEquals(group.randomSecret(random))).isFalse();
    }

    @Test
    void constant_time_and_variable_time_multiplication_agree() {
        SecretScalar k = group.randomSecret(random);
        GroupElement h = group.powerOfGenerator(group.randomSecret(random));
        assertThat(h.power(k)).isEqualTo(h.power(group.scalar(k.revealValue())));
        assertThat(group.powerOfGenerator(k)).isEqualTo(group.generator().power(group.scalar(k.revealValue())));
    }

    @Test
    void multi_scalar_multiplication_equals_the_product_of_powers() {
        for (int n : new int[] {0, 1, 7, 300, 5000}) {
            List<GroupElement> bases = new ArrayList<>();
            List<BigInteger> exponents = new ArrayList<>();
            GroupElement expected = group.identity();
            GroupElement repeated = group.powerOfGenerator(group.randomSecret(random));
            for (int i = 0; i < n; i++) {
                GroupElement b = i % 5 == 0 ? repeated : group.powerOfGenerator(group.randomSecret(random));
                BigInteger e = switch (i % 4) {
                    case 0 -> new BigInteger(128, random);
                    case 1 -> group.randomSecret(random).revealValue();
                    case 2 -> BigInteger.valueOf(i % 3);
                    default -> group.order().subtract(BigInteger.ONE);
                };
                bases.add(b);
                exponents.add(e);
                expected = expected.multiply(b.power(group.scalar(e.mod(group.order()))));
            }
            assertThat(group.multiPower(bases, exponents, 2)).as("n = %d", n).isEqualTo(expected);
        }
    }

    @Test
    void scalars_outside_zero_to_q_are_refused() {
        assertThatThrownBy(() -> group.scalar(group.order())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> group.scalar(-1)).hasMessageContaining("must not be negative");
    }
}
