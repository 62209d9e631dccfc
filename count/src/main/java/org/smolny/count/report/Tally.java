package org.smolny.count.report;

/**
 * One candidate's votes at the end of a round, written exactly (decimal or fraction, never floating point).
 *
 * @param candidate candidate name
 * @param votes exact votes
 * @param status {@code hopeful}, {@code elected} or {@code excluded}
 * @param keep Meek keep factor, or {@code null} for other methods
 */
public record Tally(String candidate, String votes, String status, String keep) {
    public Tally {
        if (candidate == null || votes == null || status == null) throw new IllegalArgumentException("tally fields must be given");
    }
}
