package org.smolny.record.merkle;

import java.util.HexFormat;
import java.util.List;

/** A naive recursive RFC 9162 MTH, to check the fast code against, and the RFC 6962 reference leaves. */
final class TreeFixtures {

    /** The eight leaf inputs of the RFC 6962 test tree used by transparency-dev/merkle. */
    static final List<byte[]> REFERENCE_LEAVES = List.of(
            HexFormat.of().parseHex(""), HexFormat.of().parseHex("00"), HexFormat.of().parseHex("10"),
            HexFormat.of().parseHex("2021"), HexFormat.of().parseHex("3031"), HexFormat.of().parseHex("40414243"),
            HexFormat.of().parseHex("5051525354555657"), HexFormat.of().parseHex("606162636465666768696a6b6c6d6e6f"));

    private TreeFixtures() {
    }

    static Hash rootOf(List<byte[]> leaves, int size) {
        return mth(leaves, 0, size);
    }

    static Hash mth(List<byte[]> leaves, int begin, int end) {
        TreeHasher hasher = TreeHasher.create();
        if (end == begin) {
            return TreeHasher.emptyRoot();
        }
        if (end - begin == 1) {
            return hasher.hashLeaf(leaves.get(begin));
        }
        int split = Integer.highestOneBit(end - begin - 1);
        return hasher.hashChildren(mth(leaves, begin, begin + split), mth(leaves, begin + split, end));
    }
}
