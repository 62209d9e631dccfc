package org.smolny.record.merkle;

/**
 * A perfect subtree of the log: the node at {@code level} (0 = leaves) and {@code index} (counted from the left at
 * that level), covering entries {@code [index * 2^level, (index + 1) * 2^level)}. The coordinates of C2SP tlog-tiles.
 *
 * @param level height above the leaves, 0 to 63
 * @param index position at that level, from 0
 */
public record NodeId(int level, long index) {

    public NodeId {
        if (level < 0 || level > 63) {
            throw new IllegalArgumentException("node level must be 0 to 63, got " + level);
        }
        if (index < 0 || (level > 0 && index > (Long.MAX_VALUE >>> level))) {
            throw new IllegalArgumentException("node index " + index + " is out of range at level " + level);
        }
    }

    /** First entry covered. */
    public long begin() {
        return index << level;
    }

    /** One past the last entry covered. */
    public long end() {
        return (index + 1) << level;
    }

    @Override
    public String toString() {
        return "node(level " + level + ", index " + index + ")";
    }
}
