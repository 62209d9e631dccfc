package org.smolny.record.store;

/** A checkpoint was refused: its root is not the record's root at its size, or another root is signed for it. */
public final class CheckpointConflictException extends RecordStoreException {

    private static final long serialVersionUID = 1L;

    public CheckpointConflictException(String message) {
        super(message);
    }
}
