package org.smolny.council.congress;

import org.smolny.council.motion.LineEdit;

import java.util.List;

/** What an amendment does to lines of a motion, as written on the record. */
public enum EditKind {
    REPLACE, INSERT, DELETE;

    /** The kind of {@code edit}. */
    public static EditKind of(LineEdit edit) {
        return switch (edit) {
            case LineEdit.Replace replace -> REPLACE;
            case LineEdit.Insert insert -> INSERT;
            case LineEdit.Delete delete -> DELETE;
        };
    }

    /** The start line of {@code edit} as recorded (for an insertion, the line after which it inserts). */
    public static int from(LineEdit edit) {
        return edit.position();
    }

    /** The end line of {@code edit} as recorded (for an insertion, the same as its start). */
    public static int to(LineEdit edit) {
        return switch (edit) {
            case LineEdit.Replace replace -> replace.to();
            case LineEdit.Insert insert -> insert.after();
            case LineEdit.Delete delete -> delete.to();
        };
    }

    /** The lines {@code edit} adds (none for a deletion). */
    public static List<String> lines(LineEdit edit) {
        return switch (edit) {
            case LineEdit.Replace replace -> replace.lines();
            case LineEdit.Insert insert -> insert.lines();
            case LineEdit.Delete delete -> List.of();
        };
    }

    /** The edit of this kind with these fields. */
    public LineEdit edit(int from, int to, List<String> lines) {
        return switch (this) {
            case REPLACE -> new LineEdit.Replace(from, to, lines);
            case INSERT -> {
                if (from != to) {
                    throw new IllegalArgumentException("an insertion names one line, after which it inserts");
                }
                yield new LineEdit.Insert(from, lines);
            }
            case DELETE -> {
                if (lines != null && !lines.isEmpty()) {
                    throw new IllegalArgumentException("a deletion adds no lines");
                }
                yield new LineEdit.Delete(from, to);
            }
        };
    }
}
