package org.smolny.record.store.internal;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.smolny.record.store.StoreConfig;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the record's database (SQLite or PostgreSQL) and brings its schema up to date with Flyway. Stateless. */
public final class Databases {

    private Databases() {
    }

    /** A data source for the configured database; SQLite in WAL mode with {@code synchronous=FULL}. */
    public static DataSource dataSource(StoreConfig config) {
        if (config.isSqlite()) {
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            sqlite.setBusyTimeout(60_000);
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            sqlite.setCacheSize(-32_768);
            SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
            dataSource.setUrl(config.jdbcUrl());
            return dataSource;
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(config.jdbcUrl());
        if (config.user() != null) {
            dataSource.setUser(config.user());
        }
        if (config.password() != null) {
            dataSource.setPassword(config.password());
        }
        return dataSource;
    }

    /** Applies the record's migrations ({@code db/record/common} and the database's own folder). */
    public static void migrate(DataSource dataSource, StoreConfig config) {
        String vendor = config.isSqlite() ? "sqlite" : "postgresql";
        Map<String, String> placeholders = config.isSqlite()
                ? Map.of("index_type", "INTEGER", "bytes", "BLOB", "clustered", " WITHOUT ROWID")
                : Map.of("index_type", "BIGINT", "bytes", "BYTEA", "clustered", "");
        Flyway.configure(Databases.class.getClassLoader())
                .dataSource(dataSource)
                .table("record_schema_history")
                .locations("classpath:db/record/common", "classpath:db/record/" + vendor)
                .placeholders(placeholders)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
