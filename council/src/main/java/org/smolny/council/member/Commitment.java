package org.smolny.council.member;

import java.util.regex.Pattern;

/**
 * A salted commitment to a member's personal data: SHA-256 of salt || canonical personal data, lower-case hex.
 * The record keeps the commitment; the data and salt live in the erasable {@link PersonalDataStore}.
 *
 * @param sha256 64 lower-case hex digits
 */
public record Commitment(String sha256) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Commitment {
        if (sha256 == null || !HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a commitment is 64 lower-case hex digits (SHA-256), got '" + sha256 + "'");
        }
    }

    @Override
    public String toString() {
        return sha256;
    }
}
