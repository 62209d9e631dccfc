package org.smolny.ballot.record;

import java.util.function.Supplier;

/** A published election record file that cannot be read; the message names the file, the place and the problem. */
public final class RecordFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RecordFormatException(String message) {
        super(message);
    }

    /** The value {@code body} returns; bad input it refuses becomes a RecordFormatException naming {@code where}. */
    static <T> T at(String where, Supplier<T> body) {
        try {
            return body.get();
        } catch (RecordFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(where + ": " + e.getMessage());
        }
    }
}
