package org.smolny.council.member;

import org.junit.jupiter.api.Test;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.scenario.TestOrganisation;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal data lives apart from the record and can be erased; the record keeps only a salted commitment. */
class PersonalDataTest {

    private final InMemoryPersonalDataStore store = new InMemoryPersonalDataStore();
    private final MemberId member = MemberId.generate(Instant.parse("2026-03-01T00:00:00Z"));
    private final PersonalData rosa = new PersonalData("Rosa Example", "rosa@example.org", "");

    @Test
    void the_commitment_on_the_record_is_opened_by_the_stored_salt_and_data() {
        Commitment commitment = store.store(member, rosa);
        Opening opening = store.opening(member).orElseThrow();
        assertThat(opening.opens(commitment)).isTrue();
        assertThat(new Opening(opening.salt(), new PersonalData("Rosa Exampel", "rosa@example.org", "")).opens(commitment)).isFalse();
    }

    @Test
    void the_same_data_gives_different_commitments_under_different_salts() {
        MemberId twin = MemberId.generate(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(store.store(member, rosa)).isNotEqualTo(store.store(twin, rosa));
    }

    @Test
    void erasing_removes_the_data_and_the_record_still_holds_its_commitment() {
        TestOrganisation union = TestOrganisation.nationalUnion();
        MemberId admitted = union.admit(union.docks);

        assertThat(union.personalData.erase(admitted)).isTrue();

        assertThat(union.personalData.find(admitted)).isEmpty();
        assertThat(union.personalData.opening(admitted)).isEmpty();
        assertThat(union.events(CouncilEvent.MemberAdmitted.class)).singleElement()
                .satisfies(event -> assertThat(event.commitment().sha256()).hasSize(64));
        assertThat(union.council.state().members().active(admitted)).isPresent();
        assertThat(union.personalData.erase(admitted)).isFalse();
    }

    @Test
    void personal_data_never_shows_in_logs() {
        assertThat(rosa.toString()).doesNotContain("Rosa");
    }

    @Test
    void member_ids_are_uuid_v7_and_not_derived_from_personal_data() {
        MemberId first = MemberId.generate(Instant.parse("2026-03-01T00:00:00Z"));
        MemberId second = MemberId.generate(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(first.value().version()).isEqualTo(7);
        assertThat(first).isNotEqualTo(second);
    }
}
