package org.smolny.record.note;

/** The rule on key names of C2SP signed-note: non-empty, no Unicode spaces, no plus sign. */
public final class KeyNames {

    private KeyNames() {
    }

    /** Returns {@code name} if it is a valid key name, else throws an {@link IllegalArgumentException} saying why. */
    public static String requireValid(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return name;
    }

    /** Whether {@code name} is a valid key name. */
    public static boolean isValid(String name) {
        return problem(name) == null;
    }

    static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "key name is empty";
        }
        for (int offset = 0; offset < name.length(); ) {
            int codePoint = name.codePointAt(offset);
            if (codePoint == '+') {
                return "key name '" + name + "' contains a plus sign (U+002B)";
            }
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                return String.format("key name contains a space character (U+%04X) at offset %d", codePoint, offset);
            }
            if (codePoint < 0x20 || codePoint == 0x7f) {
                return String.format("key name contains a control character (U+%04X) at offset %d", codePoint, offset);
            }
            offset += Character.charCount(codePoint);
        }
        return null;
    }
}
