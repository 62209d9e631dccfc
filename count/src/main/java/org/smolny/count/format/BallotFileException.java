package org.smolny.count.format;

/** A ballot file that cannot be read, with the 1-based line of the problem (0 when the file as a whole is wrong). */
public final class BallotFileException extends RuntimeException {
    private final int line;

    public BallotFileException(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    public int line() { return line; }
}
