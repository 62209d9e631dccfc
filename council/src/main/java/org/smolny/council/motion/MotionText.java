package org.smolny.council.motion;

import java.util.List;

/**
 * The text of a motion (or of a platform), as numbered lines: amendments name the lines they change.
 * Lines are counted from 1. Immutable.
 *
 * @param lines the lines, at least one, none containing a line break
 */
public record MotionText(List<String> lines) {

    /**
     * The longest motion text, in characters (line breaks included), so that a motion and its envelope fit one entry
     * on the record (64 KiB) whatever its script.
     */
    public static final int MAX_CHARACTERS = 12_000;

    public MotionText {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("a motion has at least one line of text");
        }
        lines = List.copyOf(lines);
        int characters = 0;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("line " + (index + 1) + " of the motion contains a line break");
            }
            for (int at = 0; at < line.length(); at++) {
                char character = line.charAt(at);
                if (Character.isISOControl(character) && character != '\t' && character != '\n' && character != '\r') {
                    throw new IllegalArgumentException("line " + (index + 1) + " of the motion contains a control character (U+"
                            + String.format(java.util.Locale.ROOT, "%04X", (int) character) + ") at column " + (at + 1));
                }
            }
            characters += line.length() + 1;
        }
        if (characters > MAX_CHARACTERS) {
            throw new IllegalArgumentException("the motion is " + characters + " characters long; at most " + MAX_CHARACTERS
                    + " fit on the record (move the rest to an annex referenced by its hash)");
        }
        if (lines.stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException("a motion's text is not blank");
        }
    }

    /** The text split at line breaks ({@code \n} or {@code \r\n}); a final line break is ignored. */
    public static MotionText of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a motion has a text");
        }
        String trimmed = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return new MotionText(List.of(trimmed.split("\r?\n", -1)));
    }

    /** How many lines the text has. */
    public int size() {
        return lines.size();
    }

    /** Line {@code number}, counted from 1. */
    public String line(int number) {
        if (number < 1 || number > lines.size()) {
            throw new IllegalArgumentException("the motion has lines 1 to " + lines.size() + ", not " + number);
        }
        return lines.get(number - 1);
    }

    /** The text with its lines joined by {@code \n}. */
    public String text() {
        return String.join("\n", lines);
    }
}
