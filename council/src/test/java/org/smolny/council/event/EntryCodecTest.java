package org.smolny.council.event;

import org.junit.jupiter.api.Test;
import org.smolny.council.member.MemberId;
import org.smolny.council.unit.UnitId;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Entries on the record: the envelope, written canonically and read strictly. */
class EntryCodecTest {

    // UUIDv7 values; the first is the example of RFC 9562, appendix A.6.
    private static final OrgId ORG = OrgId.parse("017f22e2-79b0-7cc3-98c4-dc0c0c07398f");
    private static final UnitId UNIT = UnitId.parse("017f22e2-79b0-7cc3-98c4-dc0c0c073990");
    private static final MemberId MEMBER = MemberId.parse("017f22e2-79b0-7cc3-98c4-dc0c0c073991");
    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");

    private static final Entry RESIGNATION = new Entry(ORG, UNIT, AT, MEMBER, new CouncilEvent.MemberResigned(MEMBER, UNIT));
    private static final String RESIGNATION_JSON = "{\"at\":\"2026-11-27T10:15:30Z\",\"body\":{\"member\":\"017f22e2-79b0-7cc3-98c4-dc0c0c073991\","
            + "\"unit\":\"017f22e2-79b0-7cc3-98c4-dc0c0c073990\"},\"by\":\"017f22e2-79b0-7cc3-98c4-dc0c0c073991\","
            + "\"org\":\"017f22e2-79b0-7cc3-98c4-dc0c0c07398f\",\"type\":\"member.resigned\","
            + "\"unit\":\"017f22e2-79b0-7cc3-98c4-dc0c0c073990\",\"v\":1}";

    @Test
    void an_entry_is_written_as_the_envelope_with_sorted_keys_and_no_whitespace() {
        assertThat(EntryCodec.toJson(RESIGNATION)).isEqualTo(RESIGNATION_JSON);
    }

    @Test
    void an_entry_reads_back_equal() throws MalformedEntryException {
        assertThat(EntryCodec.fromJson(RESIGNATION_JSON)).isEqualTo(RESIGNATION);
    }

    @Test
    void an_act_of_the_system_has_a_null_author() {
        Entry expiry = new Entry(ORG, UNIT, AT, null, new CouncilEvent.MandateExpired(
                org.smolny.council.mandate.MandateId.parse("017f22e2-79b0-7cc3-98c4-dc0c0c073992"), UNIT));
        assertThat(EntryCodec.toJson(expiry)).contains("\"by\":null");
    }

    @Test
    void an_unknown_version_is_an_error_not_skipped() {
        assertThatThrownBy(() -> EntryCodec.fromJson(RESIGNATION_JSON.replace("\"v\":1", "\"v\":2")))
                .isInstanceOf(MalformedEntryException.class).hasMessage("unknown entry version 2: this reader knows version 1");
    }

    @Test
    void an_unknown_type_is_an_error_not_skipped() {
        assertThatThrownBy(() -> EntryCodec.fromJson(RESIGNATION_JSON.replace("member.resigned", "member.purged")))
                .isInstanceOf(MalformedEntryException.class).hasMessage("unknown entry type 'member.purged'");
    }

    @Test
    void an_unknown_body_field_is_refused() {
        assertThatThrownBy(() -> EntryCodec.fromJson(RESIGNATION_JSON.replace("\"body\":{", "\"body\":{\"name\":\"Rosa\",")))
                .isInstanceOf(MalformedEntryException.class).hasMessageStartingWith("invalid body of 'member.resigned'");
    }

    @Test
    void a_missing_body_field_is_refused() {
        assertThatThrownBy(() -> EntryCodec.fromJson(RESIGNATION_JSON.replace("\"member\":\"017f22e2-79b0-7cc3-98c4-dc0c0c073991\",", "")))
                .isInstanceOf(MalformedEntryException.class).hasMessageStartingWith("invalid body of 'member.resigned'");
    }

    @Test
    void an_id_that_is_not_a_uuid_v7_is_refused() {
        String version4 = RESIGNATION_JSON.replace("\"member\":\"017f22e2-79b0-7cc3-98c4-dc0c0c073991\"",
                "\"member\":\"9c5b94b1-35ad-49bb-b118-8e8fc24abf80\"");
        assertThatThrownBy(() -> EntryCodec.fromJson(version4))
                .isInstanceOf(MalformedEntryException.class).hasMessageContaining("a member id must be a UUIDv7");
    }

    @Test
    void an_envelope_unit_that_differs_from_the_body_is_refused() {
        String other = RESIGNATION_JSON.replace("\"type\":\"member.resigned\",\"unit\":\"017f22e2-79b0-7cc3-98c4-dc0c0c073990\"",
                "\"type\":\"member.resigned\",\"unit\":\"017f22e2-79b0-7cc3-98c4-dc0c0c073993\"");
        assertThatThrownBy(() -> EntryCodec.fromJson(other))
                .isInstanceOf(MalformedEntryException.class).hasMessageContaining("differs from its event's unit");
    }

    @Test
    void trailing_garbage_and_extra_envelope_fields_are_refused() {
        assertThatThrownBy(() -> EntryCodec.fromJson(RESIGNATION_JSON + "{}")).isInstanceOf(MalformedEntryException.class);
        assertThatThrownBy(() -> EntryCodec.fromJson(RESIGNATION_JSON.replace("\"v\":1", "\"v\":1,\"signature\":\"x\"")))
                .isInstanceOf(MalformedEntryException.class).hasMessage("unknown envelope field 'signature'");
    }

    @Test
    void every_council_event_class_has_exactly_one_type_name_of_the_form_noun_past_tense_verb() {
        assertThat(EventTypes.all()).allSatisfy((name, type) -> assertThat(name).matches("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*"));
        for (Class<?> type : CouncilEvent.class.getPermittedSubclasses()) {
            if (type != CouncilEvent.OfCongress.class) {
                assertThat(EventTypes.all()).containsValue(type.asSubclass(CouncilEvent.class));
            }
        }
    }
}
