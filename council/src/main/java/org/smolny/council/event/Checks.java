package org.smolny.council.event;

import java.util.regex.Pattern;

/** The checks events make on their own fields. */
final class Checks {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Checks() {
    }

    static <T> T need(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }

    static String text(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    static String digest(String value, String what) {
        if (value == null || !SHA256.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a SHA-256 digest (64 lower-case hex digits)");
        }
        return value;
    }
}
