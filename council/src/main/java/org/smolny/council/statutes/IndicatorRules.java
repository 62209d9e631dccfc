package org.smolny.council.statutes;

/**
 * When the public indicators raise an alarm.
 *
 * @param admissionSurge share of a unit's membership admitted within the window that raises the sudden-shift indicator
 * @param surgeWindowDays the window, in days
 */
public record IndicatorRules(Share admissionSurge, int surgeWindowDays) {

    public IndicatorRules {
        if (admissionSurge == null || surgeWindowDays < 1) {
            throw new IllegalArgumentException("indicator rules need a surge share and a positive window");
        }
    }
}
