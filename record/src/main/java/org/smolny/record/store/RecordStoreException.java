package org.smolny.record.store;

/** A storage operation failed: the database refused it or could not be reached. */
public class RecordStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecordStoreException(String message) {
        super(message);
    }

    public RecordStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
