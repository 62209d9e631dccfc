package org.smolny.council.statutes;

import java.util.List;

/** The result of reading a statutes file: valid statutes, or every problem found, by line. */
public sealed interface StatutesCheck {

    /** The file is valid. */
    record Valid(Statutes statutes) implements StatutesCheck {
    }

    /** The file is invalid; {@code problems} is sorted by line and never empty. */
    record Invalid(List<StatuteProblem> problems) implements StatutesCheck {
        public Invalid {
            problems = problems.stream().sorted().toList();
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid statutes file has at least one problem");
            }
        }
    }
}
