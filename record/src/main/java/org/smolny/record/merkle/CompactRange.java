package org.smolny.record.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The frontier of a growing log (record spec §2.3): the roots of the perfect subtrees that make up entries {@code [0, size)}, from
 * the highest level down (at most 64). Appending a leaf hash merges equal-sized subtrees and reports every node
 * completed on the way, so a store can persist each perfect node exactly once; {@link #root()} folds the
 * frontier into the RFC 9162 root of the tree of {@link #size()}.
 *
 * <p>Mutable and not thread-safe. Hashes live in one byte array; appends allocate nothing.
 */
public final class CompactRange {

    /** Receives each perfect node as it is completed: its coordinates and its hash in {@code hash[offset..offset+32)}. */
    @FunctionalInterface
    public interface NodeSink {
        void node(int level, long index, byte[] hash, int offset);
    }

    private static final NodeSink IGNORE = (level, index, hash, offset) -> { };

    private final TreeHasher hasher;
    private final byte[] stack = new byte[65 * Hash.LENGTH];
    private int depth;
    private long size;

    private CompactRange(TreeHasher hasher) {
        this.hasher = hasher;
    }

    /** An empty frontier (size 0). */
    public static CompactRange empty() {
        return new CompactRange(TreeHasher.create());
    }

    /**
     * The frontier of the tree of {@code size}, from the hashes of {@link Proofs#rangeNodes(long, long) rangeNodes(0, size)}
     * in that order.
     */
    public static CompactRange of(long size, List<Hash> frontier) {
        List<NodeId> expected = Proofs.rangeNodes(0, size);
        if (frontier.size() != expected.size()) {
            throw new IllegalArgumentException("a tree of size " + size + " has a frontier of " + expected.size()
                    + " hashes, got " + frontier.size());
        }
        CompactRange range = empty();
        for (Hash hash : frontier) {
            hash.copyTo(range.stack, range.depth * Hash.LENGTH);
            range.depth++;
        }
        range.size = size;
        return range;
    }

    /** Number of leaves covered. */
    public long size() {
        return size;
    }

    /** The frontier hashes, highest level first (the nodes of {@code rangeNodes(0, size)}). */
    public List<Hash> frontier() {
        List<Hash> hashes = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            hashes.add(Hash.of(stack, i * Hash.LENGTH));
        }
        return hashes;
    }

    /** An independent copy. */
    public CompactRange copy() {
        CompactRange copy = new CompactRange(TreeHasher.create());
        System.arraycopy(stack, 0, copy.stack, 0, depth * Hash.LENGTH);
        copy.depth = depth;
        copy.size = size;
        return copy;
    }

    /** Appends a leaf hash. */
    public void append(Hash leafHash) {
        append(leafHash.bytes(), 0, IGNORE);
    }

    /** Appends a leaf hash, reporting the leaf and every interior node it completes to {@code sink}. */
    public void append(Hash leafHash, NodeSink sink) {
        append(leafHash.bytes(), 0, sink);
    }

    /** Appends the leaf hash at {@code leafHash[offset..offset+32)}, reporting every completed node to {@code sink}. */
    public void append(byte[] leafHash, int offset, NodeSink sink) {
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the log is full");
        }
        long index = size;
        int top = depth * Hash.LENGTH;
        System.arraycopy(leafHash, offset, stack, top, Hash.LENGTH);
        depth++;
        sink.node(0, index, stack, top);
        int merges = Long.numberOfTrailingZeros(~index);
        for (int level = 1; level <= merges; level++) {
            int right = (depth - 1) * Hash.LENGTH;
            int left = (depth - 2) * Hash.LENGTH;
            hasher.hashChildrenInto(stack, left, stack, right, stack, left);
            depth--;
            sink.node(level, index >>> level, stack, left);
        }
        size = index + 1;
    }

    /** Appends the leaf hash of {@code entry}. */
    public Hash appendEntry(byte[] entry, NodeSink sink) {
        Hash leaf = hasher.hashLeaf(entry);
        append(leaf, sink);
        return leaf;
    }

    /** The RFC 9162 root hash of the tree of {@link #size()}. */
    public Hash root() {
        if (depth == 0) {
            return TreeHasher.emptyRoot();
        }
        byte[] running = new byte[Hash.LENGTH];
        System.arraycopy(stack, (depth - 1) * Hash.LENGTH, running, 0, Hash.LENGTH);
        for (int i = depth - 2; i >= 0; i--) {
            hasher.hashChildrenInto(stack, i * Hash.LENGTH, running, 0, running, 0);
        }
        return new Hash(running);
    }
}
