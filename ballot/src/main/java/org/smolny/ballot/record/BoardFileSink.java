package org.smolny.ballot.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.BoardSink;

/**
 * Appends accepted board entries to {@code board.jsonl} (ballot spec §10.4) and forces them to disk before returning,
 * one write and one fsync per batch (group commit). Thread-safe; must be closed.
 */
public final class BoardFileSink implements BoardSink, AutoCloseable {
    private final FileChannel channel;
    private final RecordCodec codec;

    public BoardFileSink(Path boardFile, RecordCodec codec) {
        this.codec = codec;
        try {
            this.channel = FileChannel.open(boardFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + boardFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void append(List<BoardEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder(entries.size() * 4096);
        for (BoardEntry e : entries) {
            lines.append(RecordCodec.write(codec.boardEntry(e))).append('\n');
        }
        ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the board file: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
