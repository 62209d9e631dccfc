package org.smolny.verify.election;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every failure found in an election record, and what was checked. Immutable.
 *
 * @param notRun the checks that were not run, each with the reason (checks 22–27 need the public record's export,
 *               ballot spec §11.7); a check not run is not a failure
 */
public record VerificationReport(List<Failure> failures, long boardEntries, long proofRelations, List<List<Long>> counts,
                                 Map<Check, String> notRun) {
    public VerificationReport {
        failures = List.copyOf(failures);
        counts = counts == null ? List.of() : counts.stream().map(List::copyOf).toList();
        EnumMap<Check, String> skipped = new EnumMap<>(Check.class);
        skipped.putAll(notRun);
        notRun = Collections.unmodifiableMap(skipped);
    }

    /** A report of checks 1–21 only: checks 22–27 are not run, as no record export was given. */
    public VerificationReport(List<Failure> failures, long boardEntries, long proofRelations, List<List<Long>> counts) {
        this(failures, boardEntries, proofRelations, counts, RecordAnchorCheck.withoutExport());
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

    /** This report with the outcome of checks 22–27 in place of their "not run". */
    VerificationReport withRecordChecks(List<Failure> recordFailures, Map<Check, String> recordNotRun) {
        List<Failure> all = new java.util.ArrayList<>(failures);
        all.addAll(recordFailures);
        EnumMap<Check, String> skipped = new EnumMap<>(Check.class);
        skipped.putAll(notRun);
        RecordAnchorCheck.CHECKS.forEach(skipped::remove);
        skipped.putAll(recordNotRun);
        return new VerificationReport(all, boardEntries, proofRelations, counts, skipped);
    }

    /** A text report for people: every check with ok, FAIL or "--" (not run, with why), then every failure. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        Set<Check> failed = failedChecks();
        for (Check c : Check.values()) {
            String status = failed.contains(c) ? "FAIL" : notRun.containsKey(c) ? "--" : "ok";
            sb.append(String.format("%-4s check %2d: %s%s%n", status, c.number(), c.description(),
                    notRun.containsKey(c) && !failed.contains(c) ? " (not run: " + notRun.get(c) + ")" : ""));
        }
        sb.append(String.format("%d board entries, %d proof equations checked%n", boardEntries, proofRelations));
        if (!counts.isEmpty()) {
            sb.append("counts: ").append(counts.stream().map(Object::toString).collect(Collectors.joining(" ")))
                    .append(System.lineSeparator());
        }
        for (Failure f : failures) {
            sb.append(f).append(System.lineSeparator());
        }
        sb.append(valid() ? "VALID: every check passed" + (notRun.isEmpty() ? "" : " (" + notRun.size() + " not run)")
                        : "INVALID: " + failures.size() + " failure(s)")
                .append(System.lineSeparator());
        return sb.toString();
    }
}
