package org.smolny.record.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RFC 9162 §2.1.1 tree hash with SHA-256 (record spec §2.1): a leaf hash is SHA-256(0x00 || entry), an interior node hash is
 * SHA-256(0x01 || left || right), and the root of the empty tree is SHA-256 of nothing.
 *
 * <p>Not thread-safe: an instance holds a {@link MessageDigest}. Create one per thread ({@link #create()} is cheap)
 * or use the static methods, which keep one instance per thread.
 */
public final class TreeHasher {

    /** Prefix of a leaf hash input (RFC 9162 §2.1.1). */
    public static final byte LEAF_PREFIX = 0x00;
    /** Prefix of an interior node hash input (RFC 9162 §2.1.1). */
    public static final byte NODE_PREFIX = 0x01;

    private static final ThreadLocal<TreeHasher> PER_THREAD = ThreadLocal.withInitial(TreeHasher::create);
    private static final Hash EMPTY_ROOT = create().hashEmpty();

    private final MessageDigest sha256;

    private TreeHasher(MessageDigest sha256) {
        this.sha256 = sha256;
    }

    /** A new hasher (one SHA-256 instance from the JDK). */
    public static TreeHasher create() {
        try {
            return new TreeHasher(MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no SHA-256", e);
        }
    }

    /** The hasher of the calling thread. */
    public static TreeHasher forThread() {
        return PER_THREAD.get();
    }

    /** The root hash of the empty tree: SHA-256 of the empty string. */
    public static Hash emptyRoot() {
        return EMPTY_ROOT;
    }

    private Hash hashEmpty() {
        return new Hash(sha256.digest());
    }

    /** The leaf hash of an entry: SHA-256(0x00 || entry). */
    public Hash hashLeaf(byte[] entry) {
        return hashLeaf(entry, 0, entry.length);
    }

    /** The leaf hash of {@code entry[offset..offset+length)}. */
    public Hash hashLeaf(byte[] entry, int offset, int length) {
        sha256.update(LEAF_PREFIX);
        sha256.update(entry, offset, length);
        return new Hash(sha256.digest());
    }

    /** The hash of an interior node: SHA-256(0x01 || left || right). */
    public Hash hashChildren(Hash left, Hash right) {
        sha256.update(NODE_PREFIX);
        left.updateDigest(sha256);
        right.updateDigest(sha256);
        return new Hash(sha256.digest());
    }

    /**
     * Leaf hash written into {@code out[outOffset..outOffset+32)}, without allocating: for bulk verification.
     */
    public void hashLeafInto(byte[] entry, int offset, int length, byte[] out, int outOffset) {
        sha256.update(LEAF_PREFIX);
        sha256.update(entry, offset, length);
        finish(out, outOffset);
    }

    /**
     * Interior node hash of the 32-byte hashes at {@code left[leftOffset..]} and {@code right[rightOffset..]},
     * written into {@code out[outOffset..outOffset+32)} (which may overlap the inputs), without allocating.
     */
    public void hashChildrenInto(byte[] left, int leftOffset, byte[] right, int rightOffset, byte[] out, int outOffset) {
        sha256.update(NODE_PREFIX);
        sha256.update(left, leftOffset, Hash.LENGTH);
        sha256.update(right, rightOffset, Hash.LENGTH);
        finish(out, outOffset);
    }

    private void finish(byte[] out, int outOffset) {
        try {
            sha256.digest(out, outOffset, Hash.LENGTH);
        } catch (DigestException e) {
            throw new IllegalArgumentException("no room for a 32-byte hash at offset " + outOffset, e);
        }
    }
}
