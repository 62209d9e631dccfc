package org.smolny.council.motion;

import java.util.ArrayList;
import java.util.List;

/**
 * What an amendment does to the lines of a motion: replace a range of lines, insert lines after a line, or delete a
 * range. Line numbers always refer to the motion as tabled, so amendments moved at the same time do not shift each
 * other; {@link AmendedText} applies several at once. Immutable.
 */
public sealed interface LineEdit {

    /** Lines removed plus lines added: how far an amendment reaches, for the voting order. */
    int extent();

    /** The first line of the motion this edit touches (for an insertion, the line after which it inserts). */
    int position();

    /** Whether this edit and {@code other} change the same lines, so that carrying one makes the other fall. */
    boolean overlaps(LineEdit other);

    /** The motion's text with this edit alone applied. */
    default MotionText applyTo(MotionText text) {
        return AmendedText.apply(text, List.of(this));
    }

    /** Refuses an edit that does not fit a text of {@code lines} lines, saying which line is wrong. */
    void checkFits(int lines);

    /** In words, as minutes print it: "replace lines 3–4 with: …". */
    String describe();

    /** Replace lines {@code from} to {@code to} (inclusive) with {@code lines}. */
    record Replace(int from, int to, List<String> lines) implements LineEdit {
        public Replace {
            checkRange(from, to);
            lines = checkedLines(lines);
        }

        @Override
        public int extent() {
            return (to - from + 1) + lines.size();
        }

        @Override
        public int position() {
            return from;
        }

        @Override
        public boolean overlaps(LineEdit other) {
            return rangeOverlaps(from, to, other);
        }

        @Override
        public void checkFits(int size) {
            fits(to, size);
        }

        @Override
        public String describe() {
            return "replace " + span(from, to) + " with: " + String.join(" / ", lines);
        }
    }

    /** Insert {@code lines} after line {@code after} (0: before the first line). */
    record Insert(int after, List<String> lines) implements LineEdit {
        public Insert {
            if (after < 0) {
                throw new IllegalArgumentException("an insertion goes after line 0 (the start) or a later line, not " + after);
            }
            lines = checkedLines(lines);
        }

        @Override
        public int extent() {
            return lines.size();
        }

        @Override
        public int position() {
            return after;
        }

        @Override
        public boolean overlaps(LineEdit other) {
            return switch (other) {
                case Insert insert -> after == insert.after();
                default -> other.overlaps(this);
            };
        }

        @Override
        public void checkFits(int size) {
            fits(after, size);
        }

        @Override
        public String describe() {
            return (after == 0 ? "insert at the start" : "insert after line " + after) + ": " + String.join(" / ", lines);
        }
    }

    /** Delete lines {@code from} to {@code to} (inclusive). */
    record Delete(int from, int to) implements LineEdit {
        public Delete {
            checkRange(from, to);
        }

        @Override
        public int extent() {
            return to - from + 1;
        }

        @Override
        public int position() {
            return from;
        }

        @Override
        public boolean overlaps(LineEdit other) {
            return rangeOverlaps(from, to, other);
        }

        @Override
        public void checkFits(int size) {
            fits(to, size);
            if (from == 1 && to == size) {
                throw new IllegalArgumentException("deleting every line of a motion is opposing it: vote against it instead");
            }
        }

        @Override
        public String describe() {
            return "delete " + span(from, to);
        }
    }

    /** Whether lines {@code from} to {@code to} and {@code other} change the same lines. */
    private static boolean rangeOverlaps(int from, int to, LineEdit other) {
        return switch (other) {
            case Replace range -> from <= range.to() && range.from() <= to;
            case Delete range -> from <= range.to() && range.from() <= to;
            case Insert insert -> from <= insert.after() && insert.after() < to;
        };
    }

    private static void checkRange(int from, int to) {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("a range of lines runs from line 1 or later to a line at or after its start, not "
                    + from + "–" + to);
        }
    }

    private static void fits(int lastLine, int size) {
        if (lastLine > size) {
            throw new IllegalArgumentException("the motion has " + size + " line(s); the amendment names line " + lastLine);
        }
    }

    private static List<String> checkedLines(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("an amendment that adds text gives at least one line");
        }
        List<String> copy = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (line == null || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("each line of an amendment is one line of text");
            }
            copy.add(line);
        }
        return List.copyOf(copy);
    }

    private static String span(int from, int to) {
        return from == to ? "line " + from : "lines " + from + "–" + to;
    }
}
