package org.smolny.record.audit;

/**
 * One thing wrong with a record, found by recomputing it.
 *
 * @param entryIndex the first entry concerned, or -1 when the problem is not tied to one entry
 * @param message    what is wrong, for a person
 */
public record Problem(long entryIndex, String message) {

    public Problem {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a problem says what is wrong");
        }
    }

    /** A problem with entry {@code index}. */
    public static Problem atEntry(long index, String message) {
        return new Problem(index, message);
    }

    /** A problem not tied to one entry. */
    public static Problem general(String message) {
        return new Problem(-1, message);
    }

    @Override
    public String toString() {
        return entryIndex >= 0 ? "entry " + entryIndex + ": " + message : message;
    }
}
