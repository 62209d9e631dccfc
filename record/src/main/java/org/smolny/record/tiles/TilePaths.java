package org.smolny.record.tiles;

/**
 * Paths of the C2SP tlog-tiles layout (record spec §5.3): {@code checkpoint}, {@code tile/<L>/<N>[.p/<W>]} for hash tiles and
 * {@code tile/entries/<N>[.p/<W>]} for entry bundles, where {@code N} is written in 3-digit groups, every group
 * but the last prefixed with {@code x} (1234067 is {@code x001/x234/067}). Stateless.
 */
public final class TilePaths {

    /** Hashes (or entries) in a full tile (or bundle). */
    public static final int WIDTH = 256;
    /** Tree levels covered by one tile level. */
    public static final int HEIGHT = 8;
    /** Path of the checkpoint. */
    public static final String CHECKPOINT = "checkpoint";

    private TilePaths() {
    }

    /** Path of the hash tile at tile level {@code level}, index {@code index}, width {@code width} (256 = full). */
    public static String tile(int level, long index, int width) {
        if (level < 0 || level > 63) {
            throw new IllegalArgumentException("a tile level is 0 to 63, got " + level);
        }
        return "tile/" + level + "/" + index(index) + partial(width);
    }

    /** Path of the entry bundle {@code index} holding {@code width} entries (256 = full). */
    public static String entries(long index, int width) {
        return "tile/entries/" + index(index) + partial(width);
    }

    /** The x-prefixed 3-digit group encoding of a tile index. */
    public static String index(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("a tile index is at least 0, got " + index);
        }
        String digits = Long.toString(index);
        int groups = (digits.length() + 2) / 3;
        String padded = "0".repeat(groups * 3 - digits.length()) + digits;
        StringBuilder path = new StringBuilder(groups * 5);
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                path.append('/');
            }
            if (g < groups - 1) {
                path.append('x');
            }
            path.append(padded, g * 3, g * 3 + 3);
        }
        return path.toString();
    }

    private static String partial(int width) {
        if (width < 1 || width > WIDTH) {
            throw new IllegalArgumentException("a tile width is 1 to 256, got " + width);
        }
        return width == WIDTH ? "" : ".p/" + width;
    }
}
