package org.smolny.record.note;

/** A signed note was refused; {@link #error()} says why. */
public final class NoteException extends Exception {

    private final transient NoteError error;

    public NoteException(NoteError error) {
        super(error.message());
        this.error = error;
    }

    /** The typed reason. */
    public NoteError error() {
        return error;
    }
}
