package org.smolny.council.statutes;

/**
 * One thing wrong in a statutes file.
 *
 * @param line the line (from 1) where it is
 * @param message what is wrong, in words a person can act on
 */
public record StatuteProblem(int line, String message) implements Comparable<StatuteProblem> {

    public StatuteProblem {
        if (line < 1 || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a line from 1 and a message");
        }
    }

    @Override
    public int compareTo(StatuteProblem other) {
        return Integer.compare(line, other.line);
    }

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
