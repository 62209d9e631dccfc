package org.smolny.record.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.smolny.record.json.CanonicalCheck;
import org.smolny.record.json.Entry;
import org.smolny.record.json.InvalidEntryException;
import org.smolny.record.merkle.CompactRange;
import org.smolny.record.merkle.Hash;

/**
 * Recomputes a record database from scratch (record spec §6), reading it without the store's code (plain read-only JDBC): every
 * entry is a canonical version-1 entry, the indexes have no gap, every stored tree hash equals the one
 * recomputed from the entries and no extra hash is stored, every checkpoint's signature verifies and its root is
 * the recomputed root at its size, and the insert-only triggers are in place. Stateless.
 */
public final class DatabaseAudit {

    private static final List<String> TABLES = List.of("record_entry", "record_hash", "record_checkpoint", "record_cosignature");

    private DatabaseAudit() {
    }

    /** Audits a SQLite record file. */
    public static AuditReport auditSqlite(Path file, TrustedKeys keys) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException("no database file at " + file);
        }
        Properties properties = new Properties();
        properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties)) {
            return audit(file.toString(), connection, true, keys);
        }
    }

    /** Audits a record in any JDBC database (SQLite or PostgreSQL). */
    public static AuditReport audit(String source, Connection connection, boolean sqlite, TrustedKeys keys) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!keys.checksSignatures()) {
            notes.add("checkpoint signatures were not checked: no log key was given");
        }
        Map<Long, String[]> checkpoints = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT size, root, note FROM record_checkpoint ORDER BY size")) {
            while (rows.next()) {
                byte[] root = rows.getBytes(2);
                checkpoints.put(rows.getLong(1), new String[] {rows.getString(3), root != null && root.length == Hash.LENGTH
                        ? new Hash(root).base64() : null});
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT size, line FROM record_cosignature ORDER BY size, added_at, witness")) {
            while (rows.next()) {
                String[] checkpoint = checkpoints.get(rows.getLong(1));
                if (checkpoint == null) {
                    problems.add(Problem.general("a cosignature is stored for size " + rows.getLong(1) + ", which has no checkpoint"));
                } else {
                    checkpoint[0] = checkpoint[0] + rows.getString(2) + "\n";
                }
            }
        }
        Map<Long, Hash> rootsAt = new HashMap<>();
        HashCursors cursors = new HashCursors(connection, problems);
        CompactRange tree = CompactRange.empty();
        CanonicalCheck canonical = new CanonicalCheck();
        long expected = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(4096);
            try (ResultSet rows = statement.executeQuery("SELECT idx, entry FROM record_entry ORDER BY idx")) {
                while (rows.next() && problems.size() < AuditReport.PROBLEM_LIMIT) {
                    long index = rows.getLong(1);
                    byte[] entry = rows.getBytes(2);
                    if (index != expected) {
                        problems.add(Problem.atEntry(expected, "entry " + expected + " is missing (the next stored entry is "
                                + index + ")"));
                        break;
                    }
                    if (entry == null) {
                        problems.add(Problem.atEntry(index, "the entry has no bytes"));
                        entry = new byte[0];
                    } else if (!canonical.isCanonicalEntry(entry)) {
                        try {
                            Entry.fromCanonical(entry);
                        } catch (InvalidEntryException e) {
                            problems.add(Problem.atEntry(index, e.getMessage()));
                        }
                    }
                    tree.appendEntry(entry, cursors);
                    expected++;
                    if (checkpoints.containsKey(expected)) {
                        rootsAt.put(expected, tree.root());
                    }
                }
            }
        }
        cursors.close();
        long entries = tree.size();
        if (problems.isEmpty()) {
            countHashes(connection, entries, problems);
        }
        rootsAt.put(0L, org.smolny.record.merkle.TreeHasher.emptyRoot());
        for (Map.Entry<Long, String[]> checkpoint : checkpoints.entrySet()) {
            long size = checkpoint.getKey();
            String storedRoot = checkpoint.getValue()[1];
            if (storedRoot == null) {
                problems.add(Problem.general("the checkpoint stored for size " + size + " has no 32-byte root"));
                continue;
            }
            int cosigned = CheckpointCheck.check("the checkpoint of size " + size, checkpoint.getValue()[0], size,
                    Hash.fromBase64(storedRoot), rootsAt.get(size), entries, keys, problems);
            if (!keys.witnesses().isEmpty()) {
                notes.add("the checkpoint of size " + size + " is cosigned by " + cosigned + " known witness(es)");
            }
        }
        checkTriggers(connection, sqlite, problems);
        return new AuditReport(source, entries, tree.root(), checkpoints.size(), problems, notes);
    }

    private static void countHashes(Connection connection, long entries, List<Problem> problems) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT level, COUNT(*) FROM record_hash GROUP BY level ORDER BY level")) {
            while (rows.next()) {
                int level = rows.getInt(1);
                long count = rows.getLong(2);
                long expected = level < 0 || level > 63 ? 0 : entries >>> level;
                if (count != expected) {
                    problems.add(Problem.general("the hash table holds " + count + " nodes at level " + level + ", the "
                            + entries + " entries make " + expected));
                }
            }
        }
    }

    private static void checkTriggers(Connection connection, boolean sqlite, List<Problem> problems) throws SQLException {
        String sql = sqlite
                ? "SELECT tbl_name, COUNT(*) FROM sqlite_master WHERE type = 'trigger' GROUP BY tbl_name"
                : "SELECT c.relname, COUNT(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal GROUP BY c.relname";
        Map<String, Long> counts = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        for (String table : TABLES) {
            if (counts.getOrDefault(table, 0L) < 2) {
                problems.add(Problem.general("the insert-only triggers of " + table
                        + " are missing: someone removed the database's protection against rewriting the record"));
            }
        }
    }

    /** Compares each node recomputed from the entries with the stored row, one ordered cursor per level. */
    private static final class HashCursors implements CompactRange.NodeSink {
        private final Connection connection;
        private final List<Problem> problems;
        private final PreparedStatement[] statements = new PreparedStatement[64];
        private final ResultSet[] cursors = new ResultSet[64];
        private final boolean[] broken = new boolean[64];

        HashCursors(Connection connection, List<Problem> problems) {
            this.connection = connection;
            this.problems = problems;
        }

        @Override
        public void node(int level, long index, byte[] hash, int offset) {
            if (broken[level]) {
                return;
            }
            try {
                ResultSet cursor = cursors[level];
                if (cursor == null) {
                    statements[level] = connection.prepareStatement("SELECT idx, hash FROM record_hash WHERE level = ? ORDER BY idx");
                    statements[level].setInt(1, level);
                    statements[level].setFetchSize(4096);
                    cursor = statements[level].executeQuery();
                    cursors[level] = cursor;
                }
                long first = index << level;
                if (!cursor.next()) {
                    fail(level, first, "the hash table lacks the node at level " + level + ", index " + index);
                    return;
                }
                long storedIndex = cursor.getLong(1);
                byte[] storedHash = cursor.getBytes(2);
                if (storedIndex != index) {
                    fail(level, first, "the hash table has no node at level " + level + ", index " + index
                            + " (the next stored one is " + storedIndex + ")");
                    return;
                }
                if (storedHash == null || !java.util.Arrays.equals(storedHash, 0, storedHash.length, hash, offset, offset + Hash.LENGTH)) {
                    // A wrong leaf hash points at its entry; a wrong interior node is the hash table's fault, not an entry's.
                    fail(level, level == 0 ? first : -1, level == 0
                            ? "its bytes hash to " + Hash.of(hash, offset) + " but the stored leaf hash is "
                                    + (storedHash == null || storedHash.length != Hash.LENGTH ? "malformed" : new Hash(storedHash))
                            : "the stored tree node at level " + level + ", index " + index
                                    + " (entries " + first + " to " + (((index + 1) << level) - 1) + ") differs from the recomputed one");
                }
            } catch (SQLException e) {
                fail(level, index << level, "cannot read the hash table: " + e.getMessage());
            }
        }

        private void fail(int level, long entry, String message) {
            broken[level] = true;
            if (problems.size() < AuditReport.PROBLEM_LIMIT) {
                problems.add(new Problem(entry, message));
            }
        }

        void close() throws SQLException {
            for (int level = 0; level < 64; level++) {
                if (cursors[level] != null) {
                    cursors[level].close();
                    statements[level].close();
                }
            }
        }
    }
}
