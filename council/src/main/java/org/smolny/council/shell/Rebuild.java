package org.smolny.council.shell;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.smolny.council.shell.internal.CouncilDatabase;
import org.smolny.council.shell.internal.QueryTables;
import org.smolny.record.store.RecordStore;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rebuilds the council's query tables from the record. {@link #check} folds the record into a fresh schema (a new
 * SQLite file) and compares every table, row by row, with the live one; {@link #inPlace} empties the live tables and
 * folds the record into them in one transaction. Personal data and accounts are not projections of the record and
 * are left alone. Stateless.
 */
public final class Rebuild {

    private Rebuild() {
    }

    /** What a check found. */
    public sealed interface Report {
        /** Entries of the record folded. */
        long entries();
    }

    /** The live tables are exactly what the record produces. */
    public record Identical(long entries, Map<String, Long> rows) implements Report {
        public Identical {
            rows = Map.copyOf(rows);
        }
    }

    /** The live tables differ from what the record produces; {@code difference} names the first difference. */
    public record Different(long entries, String difference) implements Report {
        public Different {
            Objects.requireNonNull(difference, "difference");
        }
    }

    /**
     * Rebuilds every query table from the record of {@code store} into a fresh SQLite schema in {@code workFolder}
     * (deleted afterwards) and compares it with the live tables of {@code store}'s database.
     */
    public static Report check(RecordStore store, Path workFolder) {
        Path fresh;
        try {
            Files.createDirectories(workFolder);
            fresh = Files.createTempFile(workFolder, "rebuild-", ".sqlite");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the rebuild database in " + workFolder + ": " + e.getMessage(), e);
        }
        try {
            SQLiteDataSource freshSource = new SQLiteDataSource();
            freshSource.setUrl("jdbc:sqlite:" + fresh.toAbsolutePath());
            CouncilDatabase.migrate(freshSource);
            Jdbi freshJdbi = Jdbi.create(freshSource);
            long entries;
            try (Handle handle = freshJdbi.open()) {
                entries = handle.inTransaction(transaction -> fold(store, transaction));
            }
            Jdbi live = Jdbi.create(CouncilDatabase.open(store.config()));
            try (Handle liveHandle = live.open(); Handle freshHandle = freshJdbi.open()) {
                return compare(liveHandle, freshHandle, entries);
            }
        } finally {
            deleteQuietly(fresh);
        }
    }

    /** Empties the live query tables and folds the whole record into them, in one transaction of the writer. */
    public static long inPlace(RecordStore store) {
        CouncilDatabase.open(store.config());
        return store.submit(tx -> {
            for (QueryTables.Table table : QueryTables.TABLES) {
                tx.handle().execute("DELETE FROM " + table.name());
            }
            return fold(store, tx.handle());
        }).join();
    }

    private static long fold(RecordStore store, Handle handle) {
        long size = CouncilService.foldIndexed(store, 0, (index, entry) -> QueryTables.write(handle, index, entry));
        if (size > 0) {
            QueryTables.position(handle, size);
        }
        return size;
    }

    private static Report compare(Handle live, Handle fresh, long entries) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (QueryTables.Table table : QueryTables.TABLES) {
            String sql = "SELECT * FROM " + table.name() + " ORDER BY " + table.orderBy();
            try (Statement liveStatement = live.getConnection().createStatement();
                 Statement freshStatement = fresh.getConnection().createStatement();
                 ResultSet liveRows = liveStatement.executeQuery(sql);
                 ResultSet freshRows = freshStatement.executeQuery(sql)) {
                long row = 0;
                while (true) {
                    boolean hasLive = liveRows.next();
                    boolean hasFresh = freshRows.next();
                    if (!hasLive && !hasFresh) {
                        break;
                    }
                    row++;
                    if (!hasFresh) {
                        return new Different(entries, "table " + table.name() + ": the live table has a row the record does not produce: "
                                + describe(liveRows));
                    }
                    if (!hasLive) {
                        return new Different(entries, "table " + table.name() + ": the record produces a row missing from the live table: "
                                + describe(freshRows));
                    }
                    ResultSetMetaData columns = liveRows.getMetaData();
                    for (int column = 1; column <= columns.getColumnCount(); column++) {
                        String liveValue = liveRows.getString(column);
                        String freshValue = freshRows.getString(column);
                        if (!Objects.equals(liveValue, freshValue)) {
                            return new Different(entries, "table " + table.name() + ", row " + row + " (" + describe(freshRows)
                                    + "): column " + columns.getColumnName(column).toLowerCase(java.util.Locale.ROOT)
                                    + " is " + quote(liveValue) + " in the live table and " + quote(freshValue) + " rebuilt from the record");
                        }
                    }
                }
                counts.put(table.name(), row);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot compare table " + table.name() + ": " + e.getMessage(), e);
            }
        }
        return new Identical(entries, counts);
    }

    private static String describe(ResultSet row) throws SQLException {
        ResultSetMetaData columns = row.getMetaData();
        List<String> values = new ArrayList<>();
        for (int column = 1; column <= Math.min(3, columns.getColumnCount()); column++) {
            values.add(columns.getColumnName(column).toLowerCase(java.util.Locale.ROOT) + "=" + row.getString(column));
        }
        return String.join(", ", values);
    }

    private static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
    }

    private static void deleteQuietly(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException ignored) {
                // a leftover temporary file in the work folder is harmless
            }
        }
    }
}
