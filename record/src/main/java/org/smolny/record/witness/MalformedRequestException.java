package org.smolny.record.witness;

/** An {@code add-checkpoint} request body that does not follow the tlog-witness format; the message says where. */
public final class MalformedRequestException extends Exception {

    public MalformedRequestException(String message) {
        super(message);
    }
}
