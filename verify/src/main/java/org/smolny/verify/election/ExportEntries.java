package org.smolny.verify.election;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.smolny.record.tiles.TilePaths;

/**
 * Reads the entries of a C2SP tlog-tiles export in index order from its entry bundles (record spec §5.3: each entry
 * a big-endian uint16 length, then its bytes). Whether the bundles are consistent with the tiles and the checkpoint
 * is the record module's audit's business (check 22); this reader stops at the first bundle it cannot read.
 * Stateless.
 */
final class ExportEntries {

    /** Receives each entry read. */
    @FunctionalInterface
    interface Visitor {
        void entry(long index, byte[] bytes);
    }

    private ExportEntries() {
    }

    /** Reads entries 0 … size−1; returns how many could be read (less than {@code size} when a bundle is missing or cut short). */
    static long read(Path export, long size, Visitor visitor) throws IOException {
        long bundles = (size + TilePaths.WIDTH - 1) / TilePaths.WIDTH;
        for (long bundle = 0; bundle < bundles; bundle++) {
            int width = (int) Math.min(TilePaths.WIDTH, size - bundle * TilePaths.WIDTH);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(export.resolve(TilePaths.entries(bundle, width)));
            } catch (NoSuchFileException e) {
                return bundle * TilePaths.WIDTH;
            }
            int pos = 0;
            for (int i = 0; i < width; i++) {
                long index = bundle * TilePaths.WIDTH + i;
                if (pos + 2 > bytes.length) {
                    return index;
                }
                int length = ((bytes[pos] & 0xFF) << 8) | (bytes[pos + 1] & 0xFF);
                pos += 2;
                if (pos + length > bytes.length) {
                    return index;
                }
                visitor.entry(index, java.util.Arrays.copyOfRange(bytes, pos, pos + length));
                pos += length;
            }
        }
        return size;
    }
}
