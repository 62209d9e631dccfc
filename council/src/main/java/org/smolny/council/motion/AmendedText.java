package org.smolny.council.motion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies the amendments a congress carried to the text of a motion as tabled. Every edit names lines of the tabled
 * text; edits that overlap cannot both be carried (the later one falls), so they are applied from the end of the
 * text backwards and none shifts another. Stateless.
 */
public final class AmendedText {

    private AmendedText() {
    }

    /** {@code tabled} with every edit in {@code carried} applied; refuses overlapping or ill-fitting edits. */
    public static MotionText apply(MotionText tabled, List<? extends LineEdit> carried) {
        for (int index = 0; index < carried.size(); index++) {
            carried.get(index).checkFits(tabled.size());
            for (int other = 0; other < index; other++) {
                if (carried.get(index).overlaps(carried.get(other))) {
                    throw new IllegalArgumentException("two carried amendments change the same lines: "
                            + carried.get(other).describe() + "; " + carried.get(index).describe());
                }
            }
        }
        List<LineEdit> backwards = new ArrayList<>(carried);
        // An insertion after line n acts at n + 1; at the same place, a range is applied before the insertion above it.
        backwards.sort(Comparator.comparingInt(AmendedText::actsAt).reversed()
                .thenComparing(edit -> edit instanceof LineEdit.Insert ? 1 : 0));
        List<String> lines = new ArrayList<>(tabled.lines());
        for (LineEdit edit : backwards) {
            switch (edit) {
                case LineEdit.Replace replace -> {
                    lines.subList(replace.from() - 1, replace.to()).clear();
                    lines.addAll(replace.from() - 1, replace.lines());
                }
                case LineEdit.Delete delete -> lines.subList(delete.from() - 1, delete.to()).clear();
                case LineEdit.Insert insert -> lines.addAll(insert.after(), insert.lines());
            }
        }
        return new MotionText(lines);
    }

    private static int actsAt(LineEdit edit) {
        return edit instanceof LineEdit.Insert insert ? insert.after() + 1 : edit.position();
    }
}
