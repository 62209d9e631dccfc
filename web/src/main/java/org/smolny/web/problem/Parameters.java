package org.smolny.web.problem;

/**
 * Reads numeric request parameters, turning anything that is not a number in range into an
 * {@link ProblemType#INVALID_PARAMETER} problem that names the parameter and the value given.
 */
public final class Parameters {

    private Parameters() {
    }

    /** A required whole number at least {@code minimum}; {@code raw} is the parameter's text or null if absent. */
    public static long requiredLong(String name, String raw, long minimum) {
        if (raw == null || raw.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.parameter.missing", name);
        }
        return parse(name, raw, minimum);
    }

    /** An optional whole number at least {@code minimum}, or {@code fallback} when absent. */
    public static long optionalLong(String name, String raw, long minimum, long fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return parse(name, raw, minimum);
    }

    private static long parse(String name, String raw, long minimum) {
        String text = raw.strip();
        long value;
        if (!text.chars().allMatch(c -> c == '-' || (c >= '0' && c <= '9'))) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.parameter.not-a-number", name, shorten(raw));
        }
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException tooLargeOrMalformed) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.parameter.not-a-number", name, shorten(raw));
        }
        if (value < minimum) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.parameter.too-small", name, Long.toString(value), Long.toString(minimum));
        }
        return value;
    }

    private static String shorten(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
    }
}
