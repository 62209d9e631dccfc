package org.smolny.record.store;

import org.jdbi.v3.core.Handle;
import org.smolny.record.json.Entry;

/**
 * The database transaction a {@link Work} runs in: the caller's own SQL goes through {@link #handle()}, record
 * entries through {@link #append(Entry)}; both commit together or not at all. Valid only during
 * {@link Work#run}, on the store's writer thread.
 */
public interface Transaction {

    /** The Jdbi handle of the open transaction, for the caller's own tables. Do not commit or roll it back. */
    Handle handle();

    /**
     * Appends an entry in this transaction and returns its index. The entry row is written when the batch
     * commits; it becomes visible to readers, and durable, with the commit.
     */
    long append(Entry entry);

    /** Number of entries in the record including those appended so far in this transaction. */
    long size();
}
