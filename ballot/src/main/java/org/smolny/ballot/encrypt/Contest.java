package org.smolny.ballot.encrypt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A question on the ballot (ballot spec §1): its selections, each encrypted as 0 or 1, and how many a voter may
 * mark — at most or exactly {@code limit}. Immutable.
 */
public record Contest(String id, String title, List<String> selections, LimitKind limitKind, int limit) {

    /** Whether the number of marks is an upper bound or an exact number. */
    public enum LimitKind { AT_MOST, EXACTLY }

    public Contest {
        Manifest.checkText("contest id", id);
        Manifest.checkText("contest title", title);
        selections = List.copyOf(selections);
        Objects.requireNonNull(limitKind, "limitKind");
        if (selections.isEmpty()) {
            throw new IllegalArgumentException("contest " + id + " has no selections");
        }
        if (new HashSet<>(selections).size() != selections.size()) {
            throw new IllegalArgumentException("contest " + id + " repeats a selection");
        }
        selections.forEach(s -> Manifest.checkText("selection of contest " + id, s));
        if (limit < 1 || limit > selections.size()) {
            throw new IllegalArgumentException("contest " + id + ": the limit must be 1 to " + selections.size()
                    + ", got " + limit);
        }
    }

    /**
     * The values the sum of the selections may take, or empty when the selection proofs already imply the range
     * (at most L with L ≥ the number of selections), ballot spec §5.3.
     */
    public Optional<List<Long>> allowedSums() {
        if (limitKind == LimitKind.EXACTLY) {
            return Optional.of(List.of((long) limit));
        }
        if (limit >= selections.size()) {
            return Optional.empty();
        }
        List<Long> values = new ArrayList<>();
        for (long v = 0; v <= limit; v++) {
            values.add(v);
        }
        return Optional.of(values);
    }

    /** True if these marks (each 0 or 1) respect the limit. */
    public boolean accepts(List<Long> marks) {
        if (marks.size() != selections.size()) {
            return false;
        }
        long sum = 0;
        for (long m : marks) {
            if (m != 0 && m != 1) {
                return false;
            }
            sum += m;
        }
        return limitKind == LimitKind.EXACTLY ? sum == limit : sum <= limit;
    }
}
