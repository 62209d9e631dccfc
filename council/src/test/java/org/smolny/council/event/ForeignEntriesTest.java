package org.smolny.council.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.council.Council;
import org.smolny.council.scenario.MovableClock;
import org.smolny.council.scenario.TestOrganisation;
import org.smolny.council.shell.CommandResult;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.projection.CouncilState;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitId;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The organisation's record also holds the secret ballot's entries: the council knows them and folds past them. */
class ForeignEntriesTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T09:00:00Z"));

    @Test
    void a_council_rebuilt_over_a_record_with_ballot_entries_equals_the_council_without_them(@TempDir Path folder) throws Exception {
        Path database = folder.resolve("smolny.sqlite");
        CouncilState live;
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(database))) {
            CouncilService council = CouncilService.open(store, clock);
            recorded(council.execute(new StatutesCommand.AdoptStatutes(TestOrganisation.read(TestOrganisation.NATIONAL_UNION)), null));
            UnitId national = UnitId.generate(clock.instant());
            recorded(council.execute(new UnitCommand.FoundUnit(national, "national", null, "The whole union"), null));
            store.append(org.smolny.record.json.Entry.parse(ballotEntry(council.org().toString(), "ballot.cast"))).join();
            store.append(org.smolny.record.json.Entry.parse(ballotEntry(council.org().toString(), "ballot.challenged"))).join();
            recorded(council.execute(new UnitCommand.FoundUnit(UnitId.generate(clock.instant()), "region", national, "North"), null));
            live = council.read(state -> state);
        }
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(database))) {
            CouncilService reopened = CouncilService.open(store, clock);
            assertThat((Object) reopened.read(state -> state)).isEqualTo(live);

            List<Entry> read = new ArrayList<>();
            int foreign = 0;
            for (byte[] raw : store.rawEntries(0, (int) store.size())) {
                Optional<Entry> entry = EntryCodec.fromRecordJson(new String(raw, StandardCharsets.UTF_8));
                if (entry.isPresent()) {
                    read.add(entry.get());
                } else {
                    foreign++;
                }
            }
            assertThat(foreign).isEqualTo(2);
            assertThat(read).hasSize(3);
            assertThat((Object) Council.rebuild(reopened.org(), read).state()).isEqualTo(live);
        }
    }

    @Test
    void an_entry_type_neither_the_councils_nor_listed_as_another_modules_is_still_an_error() {
        String org = "017f22e2-79b0-7cc3-98c4-dc0c0c07398f";
        assertThatThrownBy(() -> EntryCodec.fromRecordJson(ballotEntry(org, "ballot.spoilt")))
                .isInstanceOf(MalformedEntryException.class).hasMessage("unknown entry type 'ballot.spoilt'");
        assertThatThrownBy(() -> EntryCodec.fromJson(ballotEntry(org, "ballot.cast")))
                .as("the strict council reader still refuses a ballot entry as a council entry")
                .isInstanceOf(MalformedEntryException.class).hasMessage("unknown entry type 'ballot.cast'");
    }

    @Test
    void no_council_event_type_is_listed_as_another_modules() {
        assertThat(EventTypes.all().keySet()).doesNotContainAnyElementsOf(EventTypes.FOREIGN);
        assertThat(EventTypes.isForeign("ballot.cast")).isTrue();
        assertThat(EventTypes.isForeign("member.admitted")).isFalse();
    }

    private static String ballotEntry(String org, String type) {
        return "{\"at\":\"2026-01-05T09:00:00Z\",\"body\":{\"election\":\"demo-referendum\",\"entry\":{\"kind\":\"cast\"}},"
                + "\"by\":null,\"org\":\"" + org + "\",\"type\":\"" + type + "\",\"unit\":null,\"v\":1}";
    }

    private static void recorded(CommandResult result) {
        assertThat(result).isInstanceOf(CommandResult.Recorded.class);
    }
}
