package org.smolny.record.store;

/**
 * Work run on the store's writer thread inside the batch's database transaction (under a savepoint). If it
 * throws, its SQL and its appends are rolled back alone and its future fails; the rest of the batch commits.
 * It runs while the writer waits, so keep it short, and never wait in it for another future of the same store
 * (the writer would wait for itself). Reads through the store's read methods see only committed entries.
 *
 * @param <T> what the work returns when it has committed
 */
@FunctionalInterface
public interface Work<T> {

    T run(Transaction transaction) throws Exception;
}
