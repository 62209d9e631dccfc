package org.smolny.count.method;

/** The ballots or options cannot be counted by the chosen method (for example more seats than candidates). */
public final class CountException extends RuntimeException {
    public CountException(String message) { super(message); }
}
