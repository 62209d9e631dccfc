package org.smolny.count.report;

import java.util.List;
import org.smolny.count.rules.ProblemCounts;

/**
 * The full result of a count: who is elected, every round, the problem ballots met, and every
 * tie broken (with how). Immutable.
 *
 * @param method the method's name ({@code stv-scottish}, ...)
 * @param title the contest's title
 * @param seats seats filled
 * @param candidates candidate names in file order
 * @param arithmetic the arithmetic used, in words
 * @param rules the problem-ballot rules applied, in words
 * @param problems problem ballots counted
 * @param rounds the rounds in order
 * @param elected the elected candidates in order of election
 * @param ranking a full ranking where the method gives one (Schulze, plurality, approval, block), else empty
 * @param tieBreaks every tie met and how it was broken
 * @param pairwise Schulze's matrices, {@code null} for other methods
 */
public record CountReport(String method, String title, int seats, List<String> candidates, String arithmetic, String rules,
                          ProblemCounts problems, List<Round> rounds, List<String> elected, List<String> ranking,
                          List<String> tieBreaks, Pairwise pairwise) {
    public CountReport {
        if (method == null || title == null || arithmetic == null || rules == null || problems == null) {
            throw new IllegalArgumentException("report fields must be given");
        }
        candidates = List.copyOf(candidates);
        rounds = List.copyOf(rounds);
        elected = List.copyOf(elected);
        ranking = List.copyOf(ranking);
        tieBreaks = List.copyOf(tieBreaks);
    }

    public Round round(int number) { return rounds.get(number - 1); }
}
