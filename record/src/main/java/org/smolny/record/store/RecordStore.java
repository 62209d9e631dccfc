package org.smolny.record.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.smolny.record.json.Entry;
import org.smolny.record.merkle.CompactRange;
import org.smolny.record.merkle.Hash;
import org.smolny.record.merkle.NodeId;
import org.smolny.record.merkle.ProofPlan;
import org.smolny.record.merkle.Proofs;
import org.smolny.record.merkle.TreeHasher;
import org.smolny.record.store.internal.ConnectionPool;
import org.smolny.record.store.internal.Databases;

/**
 * The record in a SQL database (SQLite or PostgreSQL, one JDBC code path): entries as canonical bytes, every
 * perfect node of the RFC 9162 tree (so proofs and roots are a handful of key lookups), signed checkpoints and
 * cosignatures. The tables are insert-only, enforced by database triggers.
 *
 * <p>Writes go through group commit (record spec §5.2): one writer thread takes every submission waiting in the queue, runs them in
 * one transaction, commits, and only then completes their futures, so an acknowledged append is durable. A
 * {@link Work} runs the caller's own SQL in that same transaction; if it throws, only its savepoint is rolled back.
 *
 * <p>Thread-safe: any number of threads may append, submit and read at once. Close it once, when done.
 */
public final class RecordStore implements AutoCloseable {

    private static final Submission<?> STOP = new Submission<>(null, null, null);

    private final StoreConfig config;
    private final ConnectionPool pool;
    private final Jdbi readers;
    private final Handle writer;
    private final LinkedBlockingQueue<Submission<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private final Thread checkpointer;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong batchedSubmissions = new AtomicLong();
    private volatile boolean closed;

    /** Tree of the committed entries; touched only by the writer thread. */
    private CompactRange tree;

    private record Submission<T>(Entry entry, Work<T> work, CompletableFuture<T> future) {
    }

    private RecordStore(StoreConfig config) {
        this.config = config;
        DataSource dataSource = Databases.dataSource(config);
        Databases.migrate(dataSource, config);
        this.pool = new ConnectionPool(dataSource, config.readConnections());
        this.readers = Jdbi.create(pool);
        this.writer = Jdbi.create(dataSource).open();
        this.tree = loadTree(writer);
        if (config.isSqlite()) {
            // SQLite would copy the write-ahead log into the database inside the writer's commit; a background
            // checkpointer does it beside the writer instead, so appends do not wait for it.
            writer.execute("PRAGMA wal_autocheckpoint=0");
            this.checkpointer = Thread.ofPlatform().name("record-wal-checkpoint").daemon(true)
                    .start(() -> checkpointLoop(dataSource));
        } else {
            this.checkpointer = null;
        }
        this.writerThread = Thread.ofPlatform().name("record-writer").daemon(true).start(this::writeLoop);
    }

    private void checkpointLoop(DataSource dataSource) {
        try (Handle handle = Jdbi.create(dataSource).open()) {
            while (!closed) {
                try {
                    Thread.sleep(250);
                    handle.execute("PRAGMA wal_checkpoint(PASSIVE)");
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException busy) {
                    // another process holds the database; the next round tries again
                }
            }
        }
    }

    /** Opens (and creates, or migrates, if needed) the record in the configured database. */
    public static RecordStore open(StoreConfig config) {
        Objects.requireNonNull(config, "config");
        try {
            return new RecordStore(config);
        } catch (RuntimeException e) {
            throw new RecordStoreException("cannot open the record at " + config.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The configuration this store was opened with. */
    public StoreConfig config() {
        return config;
    }

    // ------------------------------------------------------------------ writes

    /** Appends a canonical entry; the future completes when it is durable. Bytes that are not a canonical entry are refused at once. */
    public CompletableFuture<Appended> append(byte[] canonicalEntry) {
        return append(Entry.fromCanonical(canonicalEntry));
    }

    /** Appends an entry; the future completes with its index and leaf hash when it is durable. */
    public CompletableFuture<Appended> append(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        return enqueue(new Submission<>(entry, null, new CompletableFuture<>()));
    }

    /** Runs {@code work} in the writer's transaction; the future completes with its result after the commit. */
    public <T> CompletableFuture<T> submit(Work<T> work) {
        Objects.requireNonNull(work, "work");
        return enqueue(new Submission<>(null, work, new CompletableFuture<>()));
    }

    private <T> CompletableFuture<T> enqueue(Submission<T> submission) {
        if (closed) {
            return CompletableFuture.failedFuture(new RecordStoreException("the record store is closed"));
        }
        queue.add(submission);
        return submission.future;
    }

    /** Mean number of submissions per committed transaction so far. */
    public double meanBatchSize() {
        long count = batches.get();
        return count == 0 ? 0 : (double) batchedSubmissions.get() / count;
    }

    private void writeLoop() {
        List<Submission<?>> batch = new ArrayList<>();
        while (true) {
            Submission<?> first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, config.maxBatch() - 1);
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                try {
                    commitBatch(batch);
                } catch (Throwable unexpected) {
                    // commitBatch fails the futures itself; whatever escapes must not stop the writer
                    for (Submission<?> submission : batch) {
                        submission.future.completeExceptionally(unexpected);
                    }
                }
            }
            if (stop) {
                return;
            }
        }
    }

    private final class Batch implements Transaction {
        final List<byte[]> entries = new ArrayList<>();
        final long firstIndex;
        final NodeBuffer nodes = new NodeBuffer();

        Batch(long firstIndex) {
            this.firstIndex = firstIndex;
        }

        @Override
        public Handle handle() {
            return writer;
        }

        @Override
        public long append(Entry entry) {
            byte[] bytes = entry.bytes();
            long index = tree.size();
            tree.append(TreeHasher.forThread().hashLeaf(bytes), nodes);
            entries.add(bytes);
            return index;
        }

        @Override
        public long size() {
            return tree.size();
        }

        void truncate(int entryCount, int nodeCount) {
            while (entries.size() > entryCount) {
                entries.remove(entries.size() - 1);
            }
            nodes.truncate(nodeCount);
        }
    }

    /** Perfect nodes completed in a batch, to insert at commit. */
    private static final class NodeBuffer implements CompactRange.NodeSink {
        int count;
        int[] levels = new int[1024];
        long[] indexes = new long[1024];
        byte[] hashes = new byte[1024 * Hash.LENGTH];

        @Override
        public void node(int level, long index, byte[] hash, int offset) {
            if (count == levels.length) {
                levels = java.util.Arrays.copyOf(levels, count * 2);
                indexes = java.util.Arrays.copyOf(indexes, count * 2);
                hashes = java.util.Arrays.copyOf(hashes, count * 2 * Hash.LENGTH);
            }
            levels[count] = level;
            indexes[count] = index;
            System.arraycopy(hash, offset, hashes, count * Hash.LENGTH, Hash.LENGTH);
            count++;
        }

        void truncate(int newCount) {
            count = newCount;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void commitBatch(List<Submission<?>> batch) {
        Object[] results = new Object[batch.size()];
        Throwable[] failures = new Throwable[batch.size()];
        CompactRange before = null;
        try {
            writer.begin();
            if (!config.isSqlite()) {
                // One writer at a time across processes; SQLite's IMMEDIATE transactions already take the write lock.
                writer.execute("SELECT pg_advisory_xact_lock(7236039417)");
            }
            long stored = storedSize(writer);
            if (stored != tree.size()) {
                tree = loadTree(writer);
            }
            before = tree.copy();
            Batch tx = new Batch(tree.size());
            TreeHasher hasher = TreeHasher.forThread();
            for (int i = 0; i < batch.size(); i++) {
                Submission<?> submission = batch.get(i);
                if (submission.entry != null) {
                    byte[] bytes = submission.entry.bytes();
                    long index = tree.size();
                    Hash leaf = hasher.hashLeaf(bytes);
                    tree.append(leaf, tx.nodes);
                    tx.entries.add(bytes);
                    results[i] = new Appended(index, leaf);
                } else {
                    CompactRange snapshot = tree.copy();
                    int entryMark = tx.entries.size();
                    int nodeMark = tx.nodes.count;
                    writer.savepoint("work");
                    try {
                        results[i] = submission.work.run(tx);
                        writer.releaseSavepoint("work");
                    } catch (Throwable e) {
                        writer.rollbackToSavepoint("work"); // Jdbi forgets the savepoint once rolled back to
                        tree = snapshot;
                        tx.truncate(entryMark, nodeMark);
                        failures[i] = e;
                    }
                }
            }
            insert(writer.getConnection(), tx);
            writer.commit();
        } catch (Throwable e) {
            try {
                writer.rollback();
            } catch (RuntimeException ignored) {
                // the connection may be gone; the state is reloaded below
            }
            try {
                tree = loadTree(writer);
            } catch (RuntimeException reload) {
                e.addSuppressed(reload);
                if (before != null) {
                    tree = before;
                }
            }
            RecordStoreException failure = new RecordStoreException("the batch was not committed: " + e.getMessage(), e);
            for (Submission<?> submission : batch) {
                submission.future.completeExceptionally(failure);
            }
            return;
        }
        batches.incrementAndGet();
        batchedSubmissions.addAndGet(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture future = batch.get(i).future;
            if (failures[i] != null) {
                future.completeExceptionally(failures[i]);
            } else {
                future.complete(results[i]);
            }
        }
    }

    private static void insert(Connection connection, Batch tx) throws SQLException {
        if (!tx.entries.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO record_entry (idx, entry) VALUES (?, ?)")) {
                long index = tx.firstIndex;
                for (byte[] entry : tx.entries) {
                    statement.setLong(1, index++);
                    statement.setBytes(2, entry);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        if (tx.nodes.count > 0) {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO record_hash (level, idx, hash) VALUES (?, ?, ?)")) {
                for (int i = 0; i < tx.nodes.count; i++) {
                    statement.setInt(1, tx.nodes.levels[i]);
                    statement.setLong(2, tx.nodes.indexes[i]);
                    statement.setBytes(3, java.util.Arrays.copyOfRange(tx.nodes.hashes, i * Hash.LENGTH, (i + 1) * Hash.LENGTH));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    private static long storedSize(Handle handle) {
        return handle.createQuery("SELECT COALESCE(MAX(idx) + 1, 0) FROM record_entry").mapTo(Long.class).one();
    }

    private static CompactRange loadTree(Handle handle) {
        long size = storedSize(handle);
        if (size == 0) {
            return CompactRange.empty();
        }
        List<NodeId> ids = Proofs.rangeNodes(0, size);
        Map<NodeId, Hash> nodes = readNodes(handle, ids);
        List<Hash> frontier = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            Hash hash = nodes.get(id);
            if (hash == null) {
                throw new RecordStoreException("the record's hash table lacks " + id + " for size " + size
                        + "; run 'smolny record verify' on the database");
            }
            frontier.add(hash);
        }
        return CompactRange.of(size, frontier);
    }

    // ------------------------------------------------------------------ reads

    /** Number of committed entries. */
    public long size() {
        return withReader(RecordStore::storedSize);
    }

    /** The entry at {@code index} ({@code index < size()}). */
    public Entry entry(long index) {
        List<Entry> entries = entries(index, 1);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the record has no entry " + index);
        }
        return entries.get(0);
    }

    /** Up to {@code count} entries from {@code from}, in order (fewer at the end of the record). */
    public List<Entry> entries(long from, int count) {
        if (from < 0 || count < 0) {
            throw new IllegalArgumentException("no entries from " + from + " count " + count);
        }
        return withReader(handle -> handle.createQuery("SELECT entry FROM record_entry WHERE idx >= :from AND idx < :end ORDER BY idx")
                .bind("from", from).bind("end", from + count)
                .map((rs, ctx) -> Entry.fromCanonical(rs.getBytes(1))).list());
    }

    /** The raw stored bytes of entries {@code [from, from + count)}, as stored (not re-validated). */
    public List<byte[]> rawEntries(long from, int count) {
        return withReader(handle -> handle.createQuery("SELECT entry FROM record_entry WHERE idx >= :from AND idx < :end ORDER BY idx")
                .bind("from", from).bind("end", from + count)
                .map((rs, ctx) -> rs.getBytes(1)).list());
    }

    /** The RFC 9162 root hash of the first {@code size} entries. */
    public Hash root(long size) {
        requireSize(size);
        if (size == 0) {
            return TreeHasher.emptyRoot();
        }
        return withReader(handle -> rootOf(handle, size));
    }

    private static Hash rootOf(Handle handle, long size) {
        ProofPlan plan = Proofs.rootPlan(size);
        return plan.assemble(readNodes(handle, plan.nodeIds())).get(0);
    }

    /** The leaf hash of entry {@code index}, as stored. */
    public Hash leafHash(long index) {
        Map<NodeId, Hash> nodes = withReader(handle -> readNodes(handle, List.of(new NodeId(0, index))));
        Hash hash = nodes.get(new NodeId(0, index));
        if (hash == null) {
            throw new IllegalArgumentException("the record has no entry " + index);
        }
        return hash;
    }

    /** The inclusion proof of entry {@code index} in the tree of the first {@code size} entries. */
    public List<Hash> inclusionProof(long index, long size) {
        requireSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("entry " + index + " is not in a tree of size " + size);
        }
        ProofPlan plan = Proofs.inclusionPlan(index, size);
        return plan.assemble(withReader(handle -> readNodes(handle, plan.nodeIds())));
    }

    /** The consistency proof from the tree of size {@code size1} to the tree of size {@code size2} ({@code 0 < size1 <= size2}). */
    public List<Hash> consistencyProof(long size1, long size2) {
        requireSize(size2);
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("a consistency proof goes from 0 < size1 <= size2, got " + size1 + " to " + size2);
        }
        ProofPlan plan = Proofs.consistencyPlan(size1, size2);
        return plan.assemble(withReader(handle -> readNodes(handle, plan.nodeIds())));
    }

    private void requireSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is at least 0, got " + size);
        }
        long current = size();
        if (size > current) {
            throw new IllegalArgumentException("the record has " + current + " entries, fewer than " + size);
        }
    }

    /** The hashes of the given perfect nodes, read in one query. */
    static Map<NodeId, Hash> readNodes(Handle handle, List<NodeId> ids) {
        Map<NodeId, Hash> nodes = new HashMap<>();
        for (int start = 0; start < ids.size(); start += 200) {
            List<NodeId> chunk = ids.subList(start, Math.min(ids.size(), start + 200));
            StringBuilder sql = new StringBuilder("SELECT level, idx, hash FROM record_hash WHERE ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("(level = ? AND idx = ?)");
            }
            try (PreparedStatement statement = handle.getConnection().prepareStatement(sql.toString())) {
                int parameter = 1;
                for (NodeId id : chunk) {
                    statement.setInt(parameter++, id.level());
                    statement.setLong(parameter++, id.index());
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        byte[] hash = rows.getBytes(3);
                        NodeId id = new NodeId(rows.getInt(1), rows.getLong(2));
                        if (hash == null || hash.length != Hash.LENGTH) {
                            throw new RecordStoreException("the stored hash of " + id + " is not 32 bytes");
                        }
                        nodes.put(id, new Hash(hash));
                    }
                }
            } catch (SQLException e) {
                throw new RecordStoreException("cannot read the record's hashes: " + e.getMessage(), e);
            }
        }
        return nodes;
    }

    private <T> T withReader(java.util.function.Function<Handle, T> read) {
        try (Handle handle = readers.open()) {
            return read.apply(handle);
        }
    }

    // ------------------------------------------------------------------ checkpoints

    /**
     * Stores a signed checkpoint of the first {@code size} entries. Refused if {@code root} is not the record's root
     * at that size, or if another root is already stored for it (the database's UNIQUE size refuses it too).
     * Storing the same checkpoint twice returns the stored one.
     */
    public CompletableFuture<StoredCheckpoint> saveCheckpoint(long size, Hash root, String signedNote) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(signedNote, "signedNote");
        return submit(tx -> {
            Handle handle = tx.handle();
            long stored = storedSize(handle);
            if (size < 0 || size > stored) {
                throw new CheckpointConflictException("cannot sign size " + size + ": the record has " + stored + " entries");
            }
            Hash actual = size == 0 ? TreeHasher.emptyRoot() : rootOf(handle, size);
            if (!actual.equals(root)) {
                throw new CheckpointConflictException("refusing to store a checkpoint of size " + size + " with root " + root
                        + ": the record's root at that size is " + actual);
            }
            Optional<StoredCheckpoint> existing = checkpointAt(handle, size);
            if (existing.isPresent()) {
                if (!existing.get().root().equals(root)) {
                    throw new CheckpointConflictException("a checkpoint with another root is already signed for size " + size);
                }
                return existing.get();
            }
            Instant now = Instant.now();
            handle.createUpdate("INSERT INTO record_checkpoint (size, root, note, signed_at) VALUES (:size, :root, :note, :at)")
                    .bind("size", size).bind("root", root.bytes()).bind("note", signedNote).bind("at", now.toString())
                    .execute();
            return new StoredCheckpoint(size, root, signedNote, now, List.of());
        });
    }

    /** Stores witness cosignatures of the checkpoint of {@code size}; a cosignature already stored is kept as is. */
    public CompletableFuture<StoredCheckpoint> addCosignatures(long size, List<StoredCosignature> cosignatures) {
        List<StoredCosignature> copy = List.copyOf(cosignatures);
        return submit(tx -> {
            Handle handle = tx.handle();
            if (checkpointAt(handle, size).isEmpty()) {
                throw new CheckpointConflictException("no checkpoint is stored for size " + size);
            }
            for (StoredCosignature cosignature : copy) {
                if (cosignature.size() != size) {
                    throw new IllegalArgumentException("a cosignature of size " + cosignature.size() + " is not for size " + size);
                }
                handle.createUpdate("INSERT INTO record_cosignature (size, witness, key_id, line, added_at) "
                                + "VALUES (:size, :witness, :keyId, :line, :at) ON CONFLICT DO NOTHING")
                        .bind("size", size).bind("witness", cosignature.witness()).bind("keyId", cosignature.keyId())
                        .bind("line", cosignature.line()).bind("at", cosignature.addedAt().toString())
                        .execute();
            }
            return checkpointAt(handle, size).orElseThrow();
        });
    }

    /** The checkpoint with the largest size, with its cosignatures, if one was signed. */
    public Optional<StoredCheckpoint> latestCheckpoint() {
        return withReader(handle -> handle.createQuery("SELECT MAX(size) FROM record_checkpoint").mapTo(Long.class).findOne()
                .flatMap(size -> checkpointAt(handle, size)));
    }

    /** The checkpoint stored for {@code size}, with its cosignatures. */
    public Optional<StoredCheckpoint> checkpoint(long size) {
        return withReader(handle -> checkpointAt(handle, size));
    }

    /** Every stored checkpoint, smallest size first, with cosignatures. */
    public List<StoredCheckpoint> checkpoints() {
        return withReader(handle -> handle.createQuery("SELECT size FROM record_checkpoint ORDER BY size").mapTo(Long.class).list()
                .stream().map(size -> checkpointAt(handle, size).orElseThrow()).toList());
    }

    private static Optional<StoredCheckpoint> checkpointAt(Handle handle, long size) {
        List<StoredCosignature> cosignatures = handle.createQuery(
                        "SELECT size, witness, key_id, line, added_at FROM record_cosignature WHERE size = :size ORDER BY added_at, witness")
                .bind("size", size)
                .map((rs, ctx) -> new StoredCosignature(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.parse(rs.getString(5))))
                .list();
        return handle.createQuery("SELECT size, root, note, signed_at FROM record_checkpoint WHERE size = :size")
                .bind("size", size)
                .map((rs, ctx) -> new StoredCheckpoint(rs.getLong(1), new Hash(rs.getBytes(2)), rs.getString(3),
                        Instant.parse(rs.getString(4)), cosignatures))
                .findOne();
    }

    // ------------------------------------------------------------------ lifecycle

    /** Commits what was submitted before, then closes the database connections. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Submission<?> late;
        while ((late = queue.poll()) != null) {
            late.future.completeExceptionally(new RecordStoreException("the record store is closed"));
        }
        if (checkpointer != null) {
            checkpointer.interrupt();
            try {
                checkpointer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer.close();
        pool.close();
    }
}
