package org.smolny.app.config;

import java.util.Objects;

/**
 * Where the record is stored: the SQLite file {@code record.db} in the data folder (the default,
 * when {@code url} is empty), or a PostgreSQL database ({@code db.url = "jdbc:postgresql://HOST:PORT/DB"}
 * with {@code db.user} and {@code db.password}, or {@code SMOLNY_DB_URL}, {@code SMOLNY_DB_USER},
 * {@code SMOLNY_DB_PASSWORD}). {@link #toString()} never shows the password.
 *
 * @param url      empty for SQLite, otherwise a {@code jdbc:postgresql:} URL
 * @param user     the PostgreSQL user, or empty
 * @param password the PostgreSQL password, or empty
 */
public record Database(String url, String user, String password) {

    /** The SQLite file in the data folder. */
    public static final Database SQLITE = new Database("", "", "");

    public Database {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("db.url must be a jdbc:postgresql://HOST:PORT/DB URL (or empty for SQLite in the data folder), not \"" + url + "\"");
        }
    }

    /** Whether the record is the SQLite file in the data folder. */
    public boolean isSqlite() {
        return url.isEmpty();
    }

    @Override
    public String toString() {
        return isSqlite() ? "SQLite (record.db in the data folder)" : url + (user.isEmpty() ? "" : " as " + user);
    }
}
