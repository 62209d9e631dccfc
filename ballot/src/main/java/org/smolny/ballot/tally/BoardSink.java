package org.smolny.ballot.tally;

import java.util.List;

/**
 * Where the board makes accepted entries durable before it acknowledges them (a file, the public record). Called
 * under the board's lock, with the entries in board order; if it throws, the entries are not acknowledged.
 */
@FunctionalInterface
public interface BoardSink {
    void append(List<BoardEntry> entries);

    /** Keeps entries in memory only (tests, simulations). */
    BoardSink IN_MEMORY = entries -> { };
}
