package org.smolny.record.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 8785 canonicalization. The number and sorting cases are the published examples of RFC 8785 (§3.2.2,
 * §3.2.3 and Appendix B; IETF Trust, Simplified BSD License for code components).
 */
class CanonicalJsonTest {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = ';', value = {
            "0000000000000000;0", "8000000000000000;0", "0000000000000001;5e-324", "8000000000000001;-5e-324",
            "7fefffffffffffff;1.7976931348623157e+308", "ffefffffffffffff;-1.7976931348623157e+308",
            "4340000000000000;9007199254740992", "c340000000000000;-9007199254740992",
            "4430000000000000;295147905179352830000", "44b52d02c7e14af5;9.999999999999997e+22",
            "44b52d02c7e14af6;1e+23", "44b52d02c7e14af7;1.0000000000000001e+23",
            "444b1ae4d6e2ef4e;999999999999999700000", "444b1ae4d6e2ef4f;999999999999999900000",
            "444b1ae4d6e2ef50;1e+21", "3eb0c6f7a0b5ed8c;9.999999999999997e-7", "3eb0c6f7a0b5ed8d;0.000001",
            "41b3de4355555553;333333333.3333332", "41b3de4355555554;333333333.33333325",
            "41b3de4355555555;333333333.3333333", "41b3de4355555556;333333333.3333334",
            "41b3de4355555557;333333333.33333343", "becbf647612f3696;-0.0000033333333333333333",
            "43143ff3c1cb0959;1424953923781206.2"})
    void numbers_are_written_as_ecmascript_writes_them(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(CanonicalJson.formatDouble(value)).isEqualTo(expected);
    }

    @Test
    void the_rfc_8785_example_is_canonicalized_byte_for_byte() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(new String(CanonicalJson.canonicalize(input), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void members_are_sorted_by_utf16_code_units() {
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        String canonical = new String(CanonicalJson.canonicalize(input), StandardCharsets.UTF_8);
        assertThat(canonical).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void plain_ascii_strings_are_written_as_they_are_and_any_other_string_as_rfc_8785_escapes_it() {
        String input = "{\"hex\":\"04a1b2ff\",\"space and tilde\":\" ~!#\",\"del\":\"\u007f\","
                + "\"quote\":\"a\\\"b\",\"backslash\":\"a\\\\b\",\"tab\":\"a\\tb\",\"unit\":\"a\\u001fb\","
                + "\"accent\":\"caf\\u00e9\",\"long\":\"" + "0123456789abcdef".repeat(64) + "\"}";
        String canonical = new String(CanonicalJson.canonicalize(input), StandardCharsets.UTF_8);
        assertThat(canonical).isEqualTo("{\"accent\":\"café\",\"backslash\":\"a\\\\b\",\"del\":\"\u007f\","
                + "\"hex\":\"04a1b2ff\",\"long\":\"" + "0123456789abcdef".repeat(64) + "\",\"quote\":\"a\\\"b\","
                + "\"space and tilde\":\" ~!#\",\"tab\":\"a\\tb\",\"unit\":\"a\\u001fb\"}");
    }

    @Test
    void duplicate_member_names_are_refused() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"a\":2}"))
                .isInstanceOf(InvalidEntryException.class).hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void a_number_whose_exponent_is_out_of_range_is_refused_as_not_json_rather_than_crashing() {
        String huge = "{\"a\":6666666666666666666667e6000000000000000000000000000018410902926675061413}";
        assertThatThrownBy(() -> CanonicalJson.canonicalize(huge))
                .isInstanceOf(InvalidEntryException.class).hasMessageContaining("exponent is out of range");
        assertThatThrownBy(() -> CanonicalJson.parse(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEntryException.class).hasMessageContaining("exponent is out of range");
    }

    @Test
    void a_lone_surrogate_is_refused() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":\"\\ud800x\"}"))
                .isInstanceOf(InvalidEntryException.class).hasMessageContaining("lone surrogate U+D800 in a string at /a");
    }

    @Test
    void an_integer_that_a_double_cannot_hold_is_refused_rather_than_changed() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"body\":{\"amount\":12345678901234567890}}"))
                .isInstanceOf(InvalidEntryException.class)
                .hasMessage("the number 12345678901234567890 at /body/amount is not exactly an IEEE 754 double (RFC 8785 §3.2.2.3); write it as a string");
    }

    @Test
    void trailing_data_after_the_value_is_refused() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"v\":1} {\"v\":1}"))
                .isInstanceOf(InvalidEntryException.class).hasMessageStartingWith("not valid JSON: ");
    }
}
