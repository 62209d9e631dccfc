package org.smolny.council.statutes;

import java.util.regex.Pattern;

/** The shape of names in the statutes: lower-case words joined by hyphens or underscores. */
final class Names {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*([-_][a-z0-9]+)*");

    private Names() {
    }

    static boolean valid(String name) {
        return name != null && name.length() <= 64 && NAME.matcher(name).matches();
    }

    static void require(String name, String what) {
        if (!valid(name)) {
            throw new IllegalArgumentException("a " + what + " name must be lower-case words joined by '-' or '_', got '" + name + "'");
        }
    }
}
