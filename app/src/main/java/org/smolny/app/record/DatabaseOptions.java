package org.smolny.app.record;

import java.nio.file.Files;
import java.nio.file.Path;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --db} option: a SQLite file (created if needed) or a PostgreSQL JDBC URL with its user and password. */
public final class DatabaseOptions {

    @Option(names = "--db", paramLabel = "FILE|URL", defaultValue = "smolny-data/record.db",
            description = "The record database: a SQLite file, or jdbc:postgresql://HOST:PORT/DB (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--db-user", paramLabel = "USER", description = "PostgreSQL user (default: $SMOLNY_DB_USER).")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "PostgreSQL password (default: $SMOLNY_DB_PASSWORD).")
    String password;

    /** Whether the database is a SQLite file. */
    boolean isFile() {
        return !database.startsWith("jdbc:");
    }

    /** The SQLite file. */
    Path file() {
        return Path.of(database);
    }

    /** The data folder: where the log's keys live (the folder of the SQLite file, or the current folder). */
    Path dataFolder() {
        Path parent = isFile() ? file().toAbsolutePath().getParent() : null;
        return parent != null ? parent : Path.of(".").toAbsolutePath();
    }

    StoreConfig config(CommandLine command) {
        if (isFile()) {
            return StoreConfig.sqlite(file());
        }
        if (!database.startsWith("jdbc:postgresql:")) {
            throw new CommandLine.ParameterException(command, "--db takes a SQLite file or a jdbc:postgresql: URL, got " + database);
        }
        return StoreConfig.postgresql(database, user != null ? user : System.getenv("SMOLNY_DB_USER"),
                password != null ? password : System.getenv("SMOLNY_DB_PASSWORD"));
    }

    /** Opens an existing record; a missing SQLite file is a usage error (only append creates one). */
    RecordStore openExisting(CommandLine command) {
        if (isFile() && !Files.isRegularFile(file())) {
            throw new CommandLine.ParameterException(command, "There is no record database at " + file()
                    + " (smolny record append --db " + file() + " creates one).");
        }
        return RecordStore.open(config(command));
    }
}
