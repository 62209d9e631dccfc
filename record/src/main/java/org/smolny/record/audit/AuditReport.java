package org.smolny.record.audit;

import java.util.List;
import java.util.Optional;
import org.smolny.record.merkle.Hash;

/**
 * What recomputing a record from scratch found. Valid when there is no problem. Immutable.
 *
 * @param source        what was checked (a database file or an export directory)
 * @param entries       entries read
 * @param root          root recomputed from the entries read
 * @param checkpoints   signed checkpoints checked
 * @param problems      everything found wrong (at most {@link #PROBLEM_LIMIT})
 * @param notes         remarks that do not make the record invalid (which key was trusted, ...)
 */
public record AuditReport(String source, long entries, Hash root, int checkpoints, List<Problem> problems, List<String> notes) {

    /** The audit stops listing problems after this many. */
    public static final int PROBLEM_LIMIT = 50;

    public AuditReport {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** Whether nothing is wrong. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** The smallest entry index named by a problem. */
    public Optional<Long> firstBadEntry() {
        return problems.stream().map(Problem::entryIndex).filter(index -> index >= 0).min(Long::compare);
    }
}
