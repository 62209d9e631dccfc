package org.smolny.council.shell.internal;

import org.flywaydb.core.Flyway;
import org.smolny.record.store.StoreConfig;
import org.smolny.record.store.internal.Databases;

import javax.sql.DataSource;

/** Opens the council's tables in the record's database and brings them up to date with Flyway. Stateless. */
public final class CouncilDatabase {

    private CouncilDatabase() {
    }

    /** A data source on the record's database (SQLite in WAL mode, or PostgreSQL), with the council's tables migrated. */
    public static DataSource open(StoreConfig config) {
        DataSource dataSource = Databases.dataSource(config);
        migrate(dataSource);
        return dataSource;
    }

    /** Applies the council's migrations ({@code db/council}), tracked in their own history table. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure(CouncilDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .table("council_schema_history")
                .locations("classpath:db/council")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
