package org.smolny.record.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The 32-bit key id of C2SP signed-note: the first four bytes, big-endian, of
 * SHA-256(key name || 0x0A || signature type || public key).
 *
 * @param value the id as a big-endian unsigned 32-bit number held in an int
 */
public record KeyId(int value) {

    /** Computes the key id of a public key as C2SP signed-note recommends (and tlog-cosignature requires). */
    public static KeyId of(String keyName, KeyType type, byte[] publicKey) {
        KeyNames.requireValid(keyName);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(keyName.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0x0a);
            sha256.update(type.identifier());
            sha256.update(publicKey);
            return fromBytes(sha256.digest(), 0);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Reads four big-endian bytes at {@code offset}. */
    public static KeyId fromBytes(byte[] bytes, int offset) {
        return new KeyId(((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff));
    }

    /** Parses exactly eight lowercase or uppercase hex digits. */
    public static KeyId parseHex(String hex) {
        if (hex.length() != 8) {
            throw new IllegalArgumentException("key id '" + hex + "' is not 8 hex digits");
        }
        for (int i = 0; i < 8; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("key id '" + hex + "' is not 8 hex digits");
            }
        }
        return new KeyId(Integer.parseUnsignedInt(hex, 16));
    }

    /** The four bytes, big-endian. */
    public byte[] toBytes() {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /** Eight lowercase hex digits, as in encoded keys. */
    public String hex() {
        return HexFormat.of().toHexDigits(value);
    }

    @Override
    public String toString() {
        return hex();
    }
}
