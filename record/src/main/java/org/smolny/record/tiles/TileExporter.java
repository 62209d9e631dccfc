package org.smolny.record.tiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.smolny.record.merkle.CompactRange;
import org.smolny.record.merkle.Hash;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoredCheckpoint;

/**
 * Writes the record, up to a signed checkpoint, as static files in the C2SP tlog-tiles layout: entry bundles
 * (each entry prefixed by its big-endian 16-bit length), hash tiles recomputed from the entries, and the signed
 * checkpoint (with its cosignatures) written last. A recomputed root that differs from the checkpoint's root stops
 * the export. Not thread-safe; one export at a time per directory.
 */
public final class TileExporter {

    /** Folder of the earlier signed checkpoints, one file per size (beside the tlog-tiles layout). */
    public static final String HISTORY = "checkpoints";

    private final Path directory;
    private final List<TileBuffer> levels = new ArrayList<>();
    private final byte[] bundle = new byte[TilePaths.WIDTH * (2 + 65_535)];
    private int bundleLength;
    private int bundleCount;
    private long bundleIndex;
    private long filesWritten;

    private TileExporter(Path directory) {
        this.directory = directory;
    }

    /** What an export wrote. */
    public record Result(long size, Hash root, long files) {
    }

    /** Exports the record of {@code store} up to its latest signed checkpoint into {@code directory}. */
    public static Result export(RecordStore store, Path directory) throws IOException {
        StoredCheckpoint checkpoint = store.latestCheckpoint().orElseThrow(() -> new IllegalStateException(
                "the record has no signed checkpoint yet: sign one with 'smolny record checkpoint' before exporting"));
        return new TileExporter(directory).write(store, checkpoint);
    }

    private Result write(RecordStore store, StoredCheckpoint checkpoint) throws IOException {
        Files.createDirectories(directory);
        long size = checkpoint.size();
        CompactRange tree = CompactRange.empty();
        CompactRange.NodeSink sink = (level, index, hash, offset) -> {
            if (level % TilePaths.HEIGHT == 0) {
                tileLevel(level / TilePaths.HEIGHT).add(hash, offset);
            }
        };
        int chunk = 4096;
        for (long from = 0; from < size; from += chunk) {
            int count = (int) Math.min(chunk, size - from);
            List<byte[]> entries = store.rawEntries(from, count);
            if (entries.size() != count) {
                throw new IOException("the record holds " + (from + entries.size()) + " entries, fewer than the checkpoint's " + size);
            }
            for (byte[] entry : entries) {
                tree.appendEntry(entry, sink);
                addToBundle(entry);
            }
        }
        Hash root = tree.root();
        if (!root.equals(checkpoint.root())) {
            throw new IOException("the entries give root " + root + " at size " + size + ", but the checkpoint says "
                    + checkpoint.root() + "; the database is damaged: run 'smolny record verify' on it");
        }
        if (bundleCount > 0) {
            writeFile(TilePaths.entries(bundleIndex, bundleCount), bundle, bundleLength);
        }
        for (int level = 0; level < levels.size(); level++) {
            levels.get(level).flushPartial(level);
        }
        for (StoredCheckpoint earlier : store.checkpoints()) {
            if (earlier.size() < size) {
                byte[] note = earlier.noteWithCosignatures().getBytes(StandardCharsets.UTF_8);
                writeFile(HISTORY + "/" + earlier.size(), note, note.length);
            }
        }
        byte[] note = checkpoint.noteWithCosignatures().getBytes(StandardCharsets.UTF_8);
        writeFile(TilePaths.CHECKPOINT, note, note.length);
        return new Result(size, root, filesWritten);
    }

    private void addToBundle(byte[] entry) throws IOException {
        bundle[bundleLength++] = (byte) (entry.length >>> 8);
        bundle[bundleLength++] = (byte) entry.length;
        System.arraycopy(entry, 0, bundle, bundleLength, entry.length);
        bundleLength += entry.length;
        if (++bundleCount == TilePaths.WIDTH) {
            writeFile(TilePaths.entries(bundleIndex, TilePaths.WIDTH), bundle, bundleLength);
            bundleIndex++;
            bundleCount = 0;
            bundleLength = 0;
        }
    }

    private TileBuffer tileLevel(int level) {
        while (levels.size() <= level) {
            levels.add(new TileBuffer());
        }
        return levels.get(level);
    }

    private final class TileBuffer {
        final byte[] hashes = new byte[TilePaths.WIDTH * Hash.LENGTH];
        int count;
        long index;
        int level = -1;

        void add(byte[] hash, int offset) {
            System.arraycopy(hash, offset, hashes, count * Hash.LENGTH, Hash.LENGTH);
            if (++count == TilePaths.WIDTH) {
                try {
                    writeFile(TilePaths.tile(levelOf(), index, TilePaths.WIDTH), hashes, hashes.length);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                index++;
                count = 0;
            }
        }

        int levelOf() {
            if (level < 0) {
                level = levels.indexOf(this);
            }
            return level;
        }

        void flushPartial(int tileLevel) throws IOException {
            if (count > 0) {
                writeFile(TilePaths.tile(tileLevel, index, count), hashes, count * Hash.LENGTH);
            }
        }
    }

    private void writeFile(String relative, byte[] content, int length) throws IOException {
        Path file = directory.resolve(relative);
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            out.write(content, 0, length);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        filesWritten++;
    }
}
