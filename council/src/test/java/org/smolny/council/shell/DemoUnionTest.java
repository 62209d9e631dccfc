package org.smolny.council.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.member.Membership;
import org.smolny.council.scenario.TestOrganisation;
import org.smolny.record.audit.DatabaseAudit;
import org.smolny.record.audit.TrustedKeys;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;

import java.nio.file.Path;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;

class DemoUnionTest {

    @Test
    void the_demo_union_is_built_through_the_real_commands_with_its_history_and_rebuilds_identically(@TempDir Path folder) throws Exception {
        Path database = folder.resolve("demo.sqlite");
        DemoUnion.Summary summary;
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(database))) {
            summary = DemoUnion.load(store, TestOrganisation.read(TestOrganisation.NATIONAL_UNION), 1, 16);

            assertThat(summary.members()).isEqualTo(80);
            assertThat(summary.branches()).isEqualTo(5);
            CouncilService council = CouncilService.open(store, InstantSource.system());
            Mandate recalled = council.read(state -> state.mandates().find(summary.recalled()).orElseThrow());
            assertThat(recalled).isInstanceOfSatisfying(Mandate.Ended.class, ended -> assertThat(ended.ending()).isEqualTo(Mandate.Ending.RECALLED));
            Membership reinstated = council.read(state -> state.members().find(summary.reinstated()).orElseThrow());
            assertThat(reinstated).isInstanceOf(Membership.Active.class);
            String powers = council.queries().withHandle(handle -> handle.createQuery("SELECT status FROM council_powers").mapTo(String.class).one());
            assertThat(powers).isEqualTo("expired");
            String votes = council.queries().withHandle(handle -> handle.createQuery(
                    "SELECT position || '/' || instructed FROM council_delegate_vote WHERE instructed IS NOT NULL").mapTo(String.class).one());
            assertThat(votes).isEqualTo("for/against");
            String byElection = council.queries().withHandle(handle -> handle.createQuery(
                    "SELECT status FROM council_election WHERE kind = 'by-election'").mapTo(String.class).one());
            assertThat(byElection).isEqualTo("held");
            assertThat(Rebuild.check(store, folder.resolve("work"))).isInstanceOf(Rebuild.Identical.class);
        }
        assertThat(DatabaseAudit.auditSqlite(database, TrustedKeys.none()).problems()).isEmpty();
    }
}
