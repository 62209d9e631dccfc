package org.smolny.record.merkle;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A SHA-256 hash of a Merkle tree: a leaf hash, an interior node hash or a root. Always exactly 32 bytes.
 * Immutable; the bytes are copied in and out.
 *
 * @param bytes the 32 hash bytes
 */
public record Hash(byte[] bytes) {

    /** Length of every hash, in bytes. */
    public static final int LENGTH = 32;

    public Hash {
        if (bytes == null) {
            throw new IllegalArgumentException("a hash needs 32 bytes, got none");
        }
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** The hash held in {@code source[offset..offset+32)}. */
    public static Hash of(byte[] source, int offset) {
        if (offset < 0 || offset + LENGTH > source.length) {
            throw new IllegalArgumentException("no 32-byte hash at offset " + offset + " of " + source.length + " bytes");
        }
        return new Hash(Arrays.copyOfRange(source, offset, offset + LENGTH));
    }

    /** Parses standard padded base64 of 32 bytes (the form used in checkpoints and proofs). */
    public static Hash fromBase64(String text) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not base64", e);
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
            throw new IllegalArgumentException("'" + text + "' is not canonical padded base64");
        }
        return new Hash(decoded);
    }

    /** Parses 64 hexadecimal digits. */
    public static Hash fromHex(String hex) {
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a hash is 64 hex digits, got " + hex.length() + " characters");
        }
        return new Hash(HexFormat.of().parseHex(hex));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Copies the 32 bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    /** Feeds the 32 bytes to a digest without copying them. */
    void updateDigest(MessageDigest digest) {
        digest.update(bytes);
    }

    /** Whether these are the bytes {@code other} (of any length). */
    public boolean matches(byte[] other) {
        return MessageDigest.isEqual(bytes, other);
    }

    /** Standard padded base64. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Lower-case hexadecimal. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hash hash && MessageDigest.isEqual(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return base64();
    }
}
