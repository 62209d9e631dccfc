package org.smolny.record.store;

import java.nio.file.Path;

/**
 * Where the record is stored and how appends are batched. Immutable.
 *
 * @param jdbcUrl         {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST:PORT/DB}
 * @param user            database user (PostgreSQL), or null
 * @param password        database password (PostgreSQL), or null
 * @param maxBatch        most submissions committed in one transaction
 * @param readConnections connections kept for reads (proofs, entries)
 */
public record StoreConfig(String jdbcUrl, String user, String password, int maxBatch, int readConnections) {

    /** Default largest batch per transaction. */
    public static final int DEFAULT_MAX_BATCH = 8192;

    public StoreConfig {
        if (jdbcUrl == null || !(jdbcUrl.startsWith("jdbc:sqlite:") || jdbcUrl.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException("the record is stored in SQLite (jdbc:sqlite:FILE) or PostgreSQL "
                    + "(jdbc:postgresql://...), got " + jdbcUrl);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one submission, got " + maxBatch);
        }
        if (readConnections < 1) {
            throw new IllegalArgumentException("at least one read connection is needed, got " + readConnections);
        }
    }

    /** A SQLite database file (created if missing). */
    public static StoreConfig sqlite(Path file) {
        return new StoreConfig("jdbc:sqlite:" + file.toAbsolutePath(), null, null, DEFAULT_MAX_BATCH, 4);
    }

    /** A PostgreSQL database. */
    public static StoreConfig postgresql(String jdbcUrl, String user, String password) {
        return new StoreConfig(jdbcUrl, user, password, DEFAULT_MAX_BATCH, 4);
    }

    /** The same store with another batch limit. */
    public StoreConfig withMaxBatch(int limit) {
        return new StoreConfig(jdbcUrl, user, password, limit, readConnections);
    }

    /** Whether this is a SQLite database. */
    public boolean isSqlite() {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    @Override
    public String toString() {
        return "StoreConfig[" + jdbcUrl + ", user=" + user + ", maxBatch=" + maxBatch + "]";
    }
}
