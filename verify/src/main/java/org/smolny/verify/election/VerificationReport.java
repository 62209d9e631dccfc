package org.smolny.verify.election;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every failure found in an election record, and what was checked. Immutable. */
public record VerificationReport(List<Failure> failures, long boardEntries, long proofRelations, List<List<Long>> counts) {
    public VerificationReport {
        failures = List.copyOf(failures);
        counts = counts == null ? List.of() : counts.stream().map(List::copyOf).toList();
    }

    public boolean valid() {
        return failures.isEmpty();
    }

    /** The checks that failed at least once. */
    public Set<Check> failedChecks() {
        Set<Check> out = EnumSet.noneOf(Check.class);
        failures.forEach(f -> out.add(f.check()));
        return out;
    }

    /** A text report for people: every check with PASS or FAIL, then every failure. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        Set<Check> failed = failedChecks();
        for (Check c : Check.values()) {
            sb.append(String.format("%-4s check %2d: %s%n", failed.contains(c) ? "FAIL" : "ok", c.number(),
                    c.description()));
        }
        sb.append(String.format("%d board entries, %d proof equations checked%n", boardEntries, proofRelations));
        if (!counts.isEmpty()) {
            sb.append("counts: ").append(counts.stream().map(Object::toString).collect(Collectors.joining(" ")))
                    .append(System.lineSeparator());
        }
        for (Failure f : failures) {
            sb.append(f).append(System.lineSeparator());
        }
        sb.append(valid() ? "VALID: every check passed" : "INVALID: " + failures.size() + " failure(s)")
                .append(System.lineSeparator());
        return sb.toString();
    }
}
