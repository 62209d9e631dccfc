package org.smolny.record.witness.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Checks an RFC 9162 §2.1.4.2 consistency proof between two tree heads (RFC 9162 hashing: node hash =
 * SHA-256(0x01 || left || right)); returns a sentence saying what is wrong, or null if the proof holds.
 * The proof length is checked before any hashing. Stateless.
 */
public final class ConsistencyCheck {

    private static final byte[] EMPTY_TREE_ROOT = sha256(new byte[0]);

    private ConsistencyCheck() {
    }

    /** Problem with a proof from the empty tree to a tree of {@code size}: the proof must be empty. */
    public static String problemFromEmpty(long size, byte[] root, List<byte[]> proof) {
        if (!proof.isEmpty()) {
            return "a proof from size 0 must be empty, got " + proof.size() + " hash(es)";
        }
        if (size == 0 && !MessageDigest.isEqual(root, EMPTY_TREE_ROOT)) {
            return "the root hash of an empty tree is the SHA-256 of nothing";
        }
        return null;
    }

    /** Problem with {@code proof} from ({@code size1}, {@code root1}) to ({@code size2}, {@code root2}), or null. */
    public static String problem(long size1, byte[] root1, long size2, byte[] root2, List<byte[]> proof) {
        if (size1 <= 0 || size2 <= size1) {
            throw new IllegalArgumentException("a consistency proof goes from 0 < size1 < size2, got "
                    + size1 + " and " + size2);
        }
        int expected = expectedLength(size1, size2);
        if (proof.size() != expected) {
            return "the proof from size " + size1 + " to " + size2 + " has " + proof.size()
                    + " hash(es), expected " + expected;
        }
        boolean firstIsPowerOfTwo = Long.bitCount(size1) == 1;
        // RFC 9162 §2.1.4.2, steps 2-7.
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr;
        byte[] sr;
        int start;
        if (firstIsPowerOfTwo) {
            fr = root1;
            sr = root1;
            start = 0;
        } else {
            fr = proof.get(0);
            sr = proof.get(0);
            start = 1;
        }
        for (int i = start; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                return "the proof has more hashes than the tree of size " + size2 + " needs";
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            return "the proof has fewer hashes than the tree of size " + size2 + " needs";
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            return "the proof does not lead to the root hash of size " + size1 + " that the witness holds";
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            return "the proof does not lead to the root hash of the checkpoint of size " + size2;
        }
        return null;
    }

    /** Number of hashes in a consistency proof from size1 to size2 (0 < size1 < size2). */
    static int expectedLength(long size1, long size2) {
        long index = size1 - 1;
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size2 - 1));
        int border = Long.bitCount(index >>> inner);
        int shift = Long.numberOfTrailingZeros(size1);
        inner -= shift;
        int seed = size1 == (1L << shift) ? 0 : 1;
        return seed + inner + border;
    }

    private static byte[] nodeHash(byte[] left, byte[] right) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((byte) 0x01);
            sha256.update(left);
            sha256.update(right);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
