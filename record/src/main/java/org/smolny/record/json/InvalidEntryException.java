package org.smolny.record.json;

/** Thrown when an entry is refused; carries the typed {@link EntryError}. */
public final class InvalidEntryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient EntryError error;

    public InvalidEntryException(EntryError error) {
        super(error.message());
        this.error = error;
    }

    /** What is wrong with the entry. */
    public EntryError error() {
        return error;
    }
}
