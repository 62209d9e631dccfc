package org.smolny.record.note.internal;

import java.util.Base64;

/** Strict standard base64 (RFC 4648 §4) as the C2SP formats use it: padded, canonical, nothing else. Stateless. */
public final class CanonicalBase64 {

    private CanonicalBase64() {
    }

    /** Decodes {@code text}; an {@link IllegalArgumentException} naming {@code what} if it is not canonical base64. */
    public static byte[] decode(String text, String what) {
        byte[] decoded = decodeOrNull(text);
        if (decoded == null) {
            throw new IllegalArgumentException(what + " is not canonical standard base64: '" + text + "'");
        }
        return decoded;
    }

    /** Decodes {@code text}, or null if it is not canonical padded standard base64. */
    public static byte[] decodeOrNull(String text) {
        if (text.isEmpty() || text.length() % 4 != 0) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        // The JDK decoder accepts unused non-zero bits in the last character: re-encoding exposes them.
        return Base64.getEncoder().encodeToString(decoded).equals(text) ? decoded : null;
    }

    /** Standard padded base64 of {@code bytes}. */
    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
