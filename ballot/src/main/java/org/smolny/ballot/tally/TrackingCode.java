package org.smolny.ballot.tally;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.proof.ManifestHash;

/**
 * A ballot's tracking code (ballot spec §7.5): code₀ = SHA-256("smolny/ballot/v1/tracking-code" ‖ manifest hash) and
 * codeₙ = SHA-256(codeₙ₋₁ ‖ ballot hashₙ), chained along the board. The voter keeps it and finds it on the board.
 * Immutable.
 */
public record TrackingCode(byte[] bytes) {
    private static final byte[] LABEL = "smolny/ballot/v1/tracking-code".getBytes(StandardCharsets.US_ASCII);

    public TrackingCode {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("a tracking code is 32 bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** eq 40: the code before the first ballot. */
    public static TrackingCode start(ManifestHash manifestHash) {
        return new TrackingCode(sha256(LABEL, manifestHash.bytes()));
    }

    /** eq 41: the code of the next ballot on the board. */
    public TrackingCode next(byte[] ballotHash) {
        return new TrackingCode(sha256(bytes, ballotHash));
    }

    public static TrackingCode ofHex(String hex) {
        return new TrackingCode(Bytes.unhex(hex));
    }

    public String hex() {
        return Bytes.hex(bytes);
    }

    private static byte[] sha256(byte[] a, byte[] b) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(a);
            sha.update(b);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackingCode t && Arrays.equals(t.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
