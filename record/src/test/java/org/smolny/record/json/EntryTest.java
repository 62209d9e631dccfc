package org.smolny.record.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EntryTest {

    @Test
    void an_entry_is_stored_in_canonical_form() {
        Entry entry = Entry.parse("{ \"type\": \"member.admitted\", \"v\": 1, \"body\": {\"b\": 2, \"a\": 1.50} }");
        assertThat(entry.json()).isEqualTo("{\"body\":{\"a\":1.5,\"b\":2},\"type\":\"member.admitted\",\"v\":1}");
        assertThat(Entry.fromCanonical(entry.bytes())).isEqualTo(entry);
    }

    @Test
    void an_entry_must_be_an_object_with_version_1() {
        assertThatThrownBy(() -> Entry.parse("[1]")).hasMessage("an entry is a JSON object, got an array");
        assertThatThrownBy(() -> Entry.parse("{\"type\":\"x\"}")).hasMessage("the entry has no version field \"v\" (expected \"v\":1)");
        assertThatThrownBy(() -> Entry.parse("{\"v\":2}")).hasMessage("unknown entry version \"v\":2 (this software knows version 1)");
        assertThatThrownBy(() -> Entry.parse("{\"v\":\"1\"}")).hasMessage("unknown entry version \"v\":\"1\" (this software knows version 1)");
        assertThatThrownBy(() -> Entry.parse("{\"v\":4294967297}")).isInstanceOf(InvalidEntryException.class);
    }

    @Test
    void an_entry_over_64_kib_is_refused() {
        String big = "{\"v\":1,\"x\":\"" + "a".repeat(Entry.MAX_BYTES) + "\"}";
        assertThatThrownBy(() -> Entry.parse(big))
                .isInstanceOf(InvalidEntryException.class)
                .hasMessage("the entry is 65549 bytes in canonical form, more than the limit of 65535");
        String justFits = "{\"v\":1,\"x\":\"" + "a".repeat(Entry.MAX_BYTES - 14) + "\"}";
        assertThat(Entry.parse(justFits).length()).isEqualTo(Entry.MAX_BYTES);
    }

    @Test
    void stored_bytes_that_are_not_canonical_are_refused() {
        assertThatThrownBy(() -> Entry.fromCanonical("{\"v\":1, \"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEntryException.class)
                .hasMessage("the entry is not in RFC 8785 canonical form (first difference at byte 2)");
        assertThatThrownBy(() -> Entry.fromCanonical("{\"v\":1.0}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEntryException.class).hasMessageContaining("not in RFC 8785 canonical form");
    }
}
