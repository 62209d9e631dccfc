package org.smolny.council.event;

/** An entry that is not a valid council entry: unknown version or type, a missing field, a value out of range. */
public final class MalformedEntryException extends Exception {

    public MalformedEntryException(String message) {
        super(message);
    }

    public MalformedEntryException(String message, Throwable cause) {
        super(message, cause);
    }
}
