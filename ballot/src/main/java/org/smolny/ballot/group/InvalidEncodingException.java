package org.smolny.ballot.group;

/** Thrown when bytes read from the wire are not a canonical encoding of a group member or scalar. */
public final class InvalidEncodingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidEncodingException(String message) {
        super(message);
    }
}
