package org.smolny.record.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast canonical check used by verify agrees with the authoritative parse-and-canonicalize path. */
class CanonicalCheckTest {

    private final CanonicalCheck check = new CanonicalCheck();

    private static final List<String> ENTRIES = List.of(
            "{\"v\":1}",
            "{\"v\":1,\"type\":\"member.admitted\",\"body\":{\"a\":[1,2.5,-3,1e+30,0.000001,true,false,null],\"b\":\"x\"}}",
            "{\"v\":1,\"€\":1,\"\\r\":2,\"\uFB33\":3,\"1\":4,\"😀\":5,\"\u0080\":6,\"ö\":7}",
            "{\"v\":1,\"s\":\"tab\\there \\\"quoted\\\" back\\\\slash \\u0001 \\u001f / é 日本 😀\"}",
            "{\"v\":1,\"n\":[9007199254740992,-9007199254740992,333333333.3333333,1.7976931348623157e+308,5e-324]}",
            "{\"nested\":{\"deeper\":{\"deepest\":[[],{},[{}]]}},\"v\":1}");

    @Test
    void canonical_entries_pass_the_fast_check() {
        for (String text : ENTRIES) {
            byte[] canonical = Entry.parse(text).bytes();
            assertThat(check.isCanonicalEntry(canonical)).as(new String(canonical, StandardCharsets.UTF_8)).isTrue();
        }
    }

    @Test
    void non_canonical_or_invalid_bytes_fail_both_checks() {
        List<String> bad = List.of(
                "{\"v\":1, \"a\":1}", "{\"b\":1,\"a\":1,\"v\":1}", "{\"a\":1,\"a\":1,\"v\":1}", "{\"v\":1,\"a\":\"\\u00E9\"}",
                "{\"v\":1,\"a\":\"\\/\"}", "{\"v\":1,\"a\":\"\\u000a\"}", "{\"v\":1,\"a\":1.0}", "{\"v\":1,\"a\":1E2}",
                "{\"v\":1,\"a\":-0}", "{\"v\":1,\"a\":100000000000000000000000}", "{\"v\":2}", "{\"a\":1}", "[{\"v\":1}]",
                "{\"v\":1}\n", "{\"v\":1,\"a\":\"\u0001\"}", "{\"v\":1.0}", "{\"v\":1,\"a\":01}", "{\"v\":1,\"a\":tru}");
        for (String text : bad) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThat(check.isCanonicalEntry(bytes)).as(text).isFalse();
            assertThatThrownBy(() -> Entry.fromCanonical(bytes)).as(text).isInstanceOf(InvalidEntryException.class);
        }
        byte[] invalidUtf8 = {'{', '"', 'v', '"', ':', '1', ',', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'};
        assertThat(check.isCanonicalEntry(invalidUtf8)).isFalse();
        byte[] surrogate = "{\"v\":1,\"a\":\"\uD800x\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(check.isCanonicalEntry(surrogate)).isFalse();
    }

    @Test
    void whatever_the_fast_check_accepts_the_authoritative_path_accepts_unchanged() {
        SplittableRandom random = new SplittableRandom(8785);
        int accepted = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = Entry.parse(ENTRIES.get(random.nextInt(ENTRIES.size()))).bytes();
            int flips = 1 + random.nextInt(2);
            for (int f = 0; f < flips; f++) {
                String alphabet = " \"\\{}[],:0123456789.eE+-tfnuvx\u00c3\u00a9\u00ff";
                bytes[random.nextInt(bytes.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            if (check.isCanonicalEntry(bytes)) {
                accepted++;
                assertThat(Entry.fromCanonical(bytes).bytes()).isEqualTo(bytes);
            }
        }
        assertThat(accepted).isGreaterThan(0);
    }
}
