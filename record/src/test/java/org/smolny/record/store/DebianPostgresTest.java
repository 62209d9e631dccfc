package org.smolny.record.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.smolny.record.testing.PostgresServer;

/** The fallback server of the PostgreSQL tests: Debian's binaries, run as the postgres user when the tests run as root. */
@Tag("postgres")
class DebianPostgresTest {

    @Test
    void the_record_opens_on_a_server_started_from_debians_binaries() throws Exception {
        try (PostgresServer server = PostgresServer.startWithDebianBinaries();
             RecordStore store = RecordStore.open(StoreConfig.postgresql(server.jdbcUrl(), server.user(), server.password()))) {
            Appended appended = store.append(RecordStoreTest.entry(7)).get();
            assertThat(appended.index()).isZero();
            assertThat(store.entry(0)).isEqualTo(RecordStoreTest.entry(7));
        }
    }
}
