package org.smolny.council.member;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What opens a commitment: the salt and the personal data. Held only by the erasable store.
 *
 * @param salt 32 random bytes
 * @param data the personal data
 */
public record Opening(byte[] salt, PersonalData data) {

    public Opening {
        if (salt == null || salt.length != 32 || data == null) {
            throw new IllegalArgumentException("an opening needs a 32-byte salt and the personal data");
        }
        salt = salt.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** SHA-256(salt || canonical personal data). */
    public Commitment commitment() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(data.canonicalBytes());
            return new Commitment(HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** Whether this opening matches {@code commitment}. */
    public boolean opens(Commitment commitment) {
        return MessageDigest.isEqual(commitment().sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                commitment.sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Opening that && MessageDigest.isEqual(salt, that.salt) && data.equals(that.data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }

    @Override
    public String toString() {
        return "Opening[redacted]";
    }
}
