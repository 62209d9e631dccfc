package org.smolny.council.statutes;

/**
 * Limits on emergency powers.
 *
 * @param maxDays the longest a grant (or a ratification) of emergency powers may last
 */
public record EmergencyRules(int maxDays) {

    public EmergencyRules {
        if (maxDays < 1) {
            throw new IllegalArgumentException("emergency powers must be allowed for at least one day");
        }
    }
}
