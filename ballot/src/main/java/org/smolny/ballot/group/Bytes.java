package org.smolny.ballot.group;

import java.math.BigInteger;
import java.util.HexFormat;

/** Byte helpers shared by the encodings of ballot spec §2. Stateless. */
public final class Bytes {
    private static final HexFormat HEX = HexFormat.of();

    private Bytes() {
    }

    /** The unsigned big-endian encoding of v in exactly {@code length} bytes. */
    public static byte[] fixedLength(BigInteger v, int length) {
        if (v.signum() < 0 || v.bitLength() > 8 * length) {
            throw new IllegalArgumentException("value does not fit in " + length + " bytes");
        }
        byte[] raw = v.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Parses lowercase or uppercase hex; throws {@link InvalidEncodingException} naming the problem. */
    public static byte[] unhex(String hex) {
        if (hex == null) {
            throw new InvalidEncodingException("missing hex string");
        }
        if (hex.length() % 2 != 0) {
            throw new InvalidEncodingException("hex string of odd length " + hex.length());
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new InvalidEncodingException("not a hex string: " + e.getMessage());
        }
    }
}
