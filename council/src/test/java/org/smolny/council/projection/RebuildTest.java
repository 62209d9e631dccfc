package org.smolny.council.projection;

import org.junit.jupiter.api.Test;
import org.smolny.council.Council;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.event.Entry;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.event.EventTypes;
import org.smolny.council.event.MalformedEntryException;
import org.smolny.council.member.PersonalData;
import org.smolny.council.scenario.FullHistory;
import org.smolny.council.scenario.TestOrganisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** State is a projection of the record: rebuilding from the entries gives the identical state. */
class RebuildTest {

    private static final TestOrganisation HISTORY = FullHistory.play();

    @Test
    void the_history_produces_every_kind_of_council_event() {
        Set<String> recorded = HISTORY.record.stream().map(Entry::type).collect(Collectors.toSet());
        Set<String> councilTypes = Arrays.stream(CouncilEvent.class.getPermittedSubclasses())
                .filter(type -> type != CouncilEvent.OfCongress.class)
                .map(type -> EventTypes.all().entrySet().stream().filter(entry -> entry.getValue() == type)
                        .findFirst().orElseThrow().getKey())
                .collect(Collectors.toSet());
        assertThat(recorded).containsAll(councilTypes);
    }

    @Test
    void rebuilding_from_the_record_gives_identical_state() {
        Council rebuilt = Council.rebuild(HISTORY.org, HISTORY.record);
        assertThat(rebuilt.state()).isEqualTo(HISTORY.council.state());
    }

    @Test
    void rebuilding_from_the_record_as_json_gives_identical_state() throws MalformedEntryException {
        List<Entry> decoded = new ArrayList<>();
        for (Entry entry : HISTORY.record) {
            Entry read = EntryCodec.fromJson(EntryCodec.toJson(entry));
            assertThat(read).isEqualTo(entry);
            decoded.add(read);
        }
        assertThat(Council.rebuild(HISTORY.org, decoded).state()).isEqualTo(HISTORY.council.state());
    }

    @Test
    void a_state_missing_one_entry_differs() {
        List<Entry> shortened = HISTORY.record.subList(0, HISTORY.record.size() - 1);
        assertThat(Council.rebuild(HISTORY.org, shortened).state()).isNotEqualTo(HISTORY.council.state());
    }

    @Test
    void the_record_holds_no_personal_data() {
        String json = HISTORY.record.stream().map(EntryCodec::toJson).collect(Collectors.joining("\n"));
        HISTORY.council.state().members().all().forEach(membership -> {
            PersonalData data = HISTORY.personalData.find(membership.member()).orElseThrow();
            assertThat(json).doesNotContain(data.name()).doesNotContain(data.email());
        });
    }
}
