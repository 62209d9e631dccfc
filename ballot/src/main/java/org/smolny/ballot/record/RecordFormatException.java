package org.smolny.ballot.record;

/** A published election record file that cannot be read; the message names the file, the place and the problem. */
public final class RecordFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RecordFormatException(String message) {
        super(message);
    }
}
