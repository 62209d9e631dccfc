package org.smolny.verify.election;

import java.util.Objects;

/** One failed check: which check, where in the record, and what was wrong. Immutable. */
public record Failure(Check check, String where, String detail) {
    public Failure {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return "check " + check.number() + " failed at " + where + ": " + detail;
    }
}
