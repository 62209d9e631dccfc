package org.smolny.council.event;

import org.junit.jupiter.api.Test;
import org.smolny.council.scenario.FullHistory;
import org.smolny.council.scenario.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;

/** Council entries go on the record as they are: the codec's output is already RFC 8785 canonical JSON. */
class CanonicalFormTest {

    @Test
    void every_council_entry_is_accepted_by_the_record_as_canonical_bytes() {
        TestOrganisation history = FullHistory.play();
        for (Entry entry : history.record) {
            byte[] bytes = EntryCodec.toBytes(entry);
            org.smolny.record.json.Entry onRecord = org.smolny.record.json.Entry.fromCanonical(bytes);
            assertThat(onRecord.bytes()).isEqualTo(bytes);
            assertThat(bytes.length).isLessThanOrEqualTo(org.smolny.record.json.Entry.MAX_BYTES);
        }
    }
}
