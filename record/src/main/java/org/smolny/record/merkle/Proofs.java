package org.smolny.record.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Inclusion and consistency proofs of RFC 9162 §2.1.3 and §2.1.4: which nodes make them (plans, for generation
 * from stored hashes) and their verification. Pure functions; verification checks the proof length and the length
 * of every hash before hashing anything, and returns a typed {@link ProofResult}. Stateless and thread-safe.
 */
public final class Proofs {

    private Proofs() {
    }

    // ---------------------------------------------------------------- plans

    /** The perfect subtrees that make up the entry range {@code [begin, end)}, left to right (record spec §2.2). */
    public static List<NodeId> rangeNodes(long begin, long end) {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no entry range [" + begin + ", " + end + ")");
        }
        List<NodeId> nodes = new ArrayList<>();
        long at = begin;
        while (at < end) {
            int level = 63 - Long.numberOfLeadingZeros(end - at);
            if (at != 0) {
                level = Math.min(level, Long.numberOfTrailingZeros(at));
            }
            nodes.add(new NodeId(level, at >>> level));
            at += 1L << level;
        }
        return nodes;
    }

    /** The nodes whose hashes give the root of the tree of {@code size} ({@code size > 0}). */
    public static ProofPlan rootPlan(long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("the root of the empty tree is a constant, not a plan; size " + size);
        }
        return new ProofPlan(List.of(rangeNodes(0, size)));
    }

    /** RFC 9162 §2.1.3.1 PATH(index, D[size]): the inclusion proof of leaf {@code index} in the tree of {@code size}. */
    public static ProofPlan inclusionPlan(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
        }
        List<List<NodeId>> ranges = new ArrayList<>();
        long begin = 0;
        long end = size;
        while (end - begin > 1) {
            long split = largestPowerOfTwoBelow(end - begin);
            if (index - begin < split) {
                ranges.add(rangeNodes(begin + split, end));
                end = begin + split;
            } else {
                ranges.add(rangeNodes(begin, begin + split));
                begin += split;
            }
        }
        Collections.reverse(ranges);
        return new ProofPlan(ranges);
    }

    /** RFC 9162 §2.1.4.1 PROOF(size1, D[size2]): the consistency proof between two sizes, {@code 0 < size1 <= size2}. */
    public static ProofPlan consistencyPlan(long size1, long size2) {
        if (size1 <= 0 || size2 < size1) {
            throw new IllegalArgumentException("a consistency proof needs 0 < size1 <= size2, got " + size1 + " and " + size2);
        }
        List<List<NodeId>> ranges = new ArrayList<>();
        long begin = 0;
        long end = size2;
        boolean wholeOldTree = true;
        while (true) {
            if (size1 == end) {
                if (!wholeOldTree) {
                    ranges.add(rangeNodes(begin, end));
                }
                break;
            }
            long split = largestPowerOfTwoBelow(end - begin);
            if (size1 - begin <= split) {
                ranges.add(rangeNodes(begin + split, end));
                end = begin + split;
            } else {
                ranges.add(rangeNodes(begin, begin + split));
                begin += split;
                wholeOldTree = false;
            }
        }
        Collections.reverse(ranges);
        return new ProofPlan(ranges);
    }

    /** Number of hashes in the inclusion proof of {@code index} in a tree of {@code size} ({@code index < size}). */
    public static int inclusionProofLength(long index, long size) {
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
        int border = Long.bitCount(index >>> inner);
        return inner + border;
    }

    /** Number of hashes in the consistency proof from {@code size1} to {@code size2} ({@code 0 < size1 < size2}). */
    public static int consistencyProofLength(long size1, long size2) {
        int length = 0;
        long begin = 0;
        long end = size2;
        boolean wholeOldTree = true;
        while (size1 != end) {
            long split = largestPowerOfTwoBelow(end - begin);
            if (size1 - begin <= split) {
                end = begin + split;
            } else {
                begin += split;
                wholeOldTree = false;
            }
            length++;
        }
        return wholeOldTree ? length : length + 1;
    }

    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    // ---------------------------------------------------------------- verification

    /** Verifies a typed inclusion proof: leaf hash of entry {@code index} is in the tree of {@code size} with {@code root}. */
    public static ProofResult verifyInclusion(long index, long size, Hash leafHash, List<Hash> proof, Hash root) {
        return verifyInclusion(index, size, leafHash.bytes(), bytesOf(proof), root.bytes());
    }

    /**
     * Verifies an inclusion proof as read from the wire (RFC 9162 §2.1.3.2). Checks the index, the proof length
     * and every hash length before hashing.
     */
    public static ProofResult verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        // record spec §3.2: range, length and hash sizes before any hashing
        if (index < 0 || size < 0 || index >= size) {
            return new ProofError.IndexOutOfRange(index, size);
        }
        int expected = inclusionProofLength(index, size);
        if (proof.size() != expected) {
            return new ProofError.WrongProofLength(expected, proof.size());
        }
        ProofError malformed = firstMalformed(leafHash, proof, root, "root");
        if (malformed != null) {
            return malformed;
        }
        TreeHasher hasher = TreeHasher.forThread();
        byte[] running = leafHash.clone();
        long fn = index;
        long sn = size - 1;
        for (byte[] sibling : proof) {
            if ((fn & 1) == 1 || fn == sn) {
                hasher.hashChildrenInto(sibling, 0, running, 0, running, 0);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                hasher.hashChildrenInto(running, 0, sibling, 0, running, 0);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (!java.security.MessageDigest.isEqual(running, root)) {
            return new ProofError.RootMismatch(size, new Hash(root), new Hash(running));
        }
        return ProofResult.Verified.INSTANCE;
    }

    /** Verifies a typed consistency proof between the tree heads ({@code size1}, {@code root1}) and ({@code size2}, {@code root2}). */
    public static ProofResult verifyConsistency(long size1, long size2, List<Hash> proof, Hash root1, Hash root2) {
        return verifyConsistency(size1, size2, bytesOf(proof), root1.bytes(), root2.bytes());
    }

    /**
     * Verifies a consistency proof as read from the wire (RFC 9162 §2.1.4.2). Equal sizes need an empty proof and
     * byte-identical roots; the empty tree's root must be SHA-256 of nothing; a proof from size 0 to a larger size
     * is refused. The proof length and every hash length are checked before hashing.
     */
    public static ProofResult verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        // record spec §3.4
        if (size1 < 0 || size2 < size1) {
            return new ProofError.SizesOutOfOrder(size1, size2);
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                return new ProofError.WrongProofLength(0, proof.size());
            }
            if (size1 == 0) {
                if (root1.length != Hash.LENGTH) {
                    return new ProofError.MalformedHash("root of the empty tree", root1.length);
                }
                if (!TreeHasher.emptyRoot().matches(root1)) {
                    return new ProofError.RootMismatch(0, TreeHasher.emptyRoot(), new Hash(root1));
                }
            }
            if (!java.security.MessageDigest.isEqual(root1, root2)) {
                return new ProofError.RootsDiffer(size1);
            }
            return ProofResult.Verified.INSTANCE;
        }
        if (size1 == 0) {
            return new ProofError.ProofFromEmptyTree(size2);
        }
        int expected = consistencyProofLength(size1, size2);
        if (proof.size() != expected) {
            return new ProofError.WrongProofLength(expected, proof.size());
        }
        if (root1.length != Hash.LENGTH) {
            return new ProofError.MalformedHash("root of size " + size1, root1.length);
        }
        ProofError malformed = firstMalformed(root1, proof, root2, "root of size " + size2);
        if (malformed != null) {
            return malformed;
        }
        TreeHasher hasher = TreeHasher.forThread();
        // RFC 9162 §2.1.4.2 steps 2-7.
        int start = 0;
        byte[] first;
        if (Long.bitCount(size1) == 1) {
            first = root1.clone();
        } else {
            first = proof.get(0).clone();
            start = 1;
        }
        byte[] second = first.clone();
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        for (int i = start; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                return new ProofError.WrongProofLength(i, proof.size());
            }
            if ((fn & 1) == 1 || fn == sn) {
                hasher.hashChildrenInto(c, 0, first, 0, first, 0);
                hasher.hashChildrenInto(c, 0, second, 0, second, 0);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                hasher.hashChildrenInto(second, 0, c, 0, second, 0);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            return new ProofError.WrongProofLength(expected + 1, proof.size());
        }
        if (!java.security.MessageDigest.isEqual(first, root1)) {
            return new ProofError.RootMismatch(size1, new Hash(root1), new Hash(first));
        }
        if (!java.security.MessageDigest.isEqual(second, root2)) {
            return new ProofError.RootMismatch(size2, new Hash(root2), new Hash(second));
        }
        return ProofResult.Verified.INSTANCE;
    }

    private static ProofError firstMalformed(byte[] start, List<byte[]> proof, byte[] root, String rootName) {
        if (start.length != Hash.LENGTH) {
            return new ProofError.MalformedHash("the leaf hash", start.length);
        }
        for (int i = 0; i < proof.size(); i++) {
            if (proof.get(i).length != Hash.LENGTH) {
                return new ProofError.MalformedHash("proof hash " + i, proof.get(i).length);
            }
        }
        if (root.length != Hash.LENGTH) {
            return new ProofError.MalformedHash("the " + rootName, root.length);
        }
        return null;
    }

    private static List<byte[]> bytesOf(List<Hash> hashes) {
        List<byte[]> bytes = new ArrayList<>(hashes.size());
        for (Hash hash : hashes) {
            bytes.add(hash.bytes());
        }
        return bytes;
    }
}
