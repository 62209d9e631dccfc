package org.smolny.count.plurality;

import java.util.ArrayList;
import java.util.List;
import org.smolny.count.ballot.Ballot;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.method.CountException;
import org.smolny.count.method.CountMethod;
import org.smolny.count.method.CountOptions;
import org.smolny.count.method.Lot;
import org.smolny.count.report.CountReport;
import org.smolny.count.report.Round;
import org.smolny.count.report.Tally;
import org.smolny.count.rules.ProblemCounts;
import org.smolny.count.rules.RankedBallots;
import org.smolny.count.rules.UnknownCandidateRule;

/**
 * Methods counted in one round, where the candidates with the most votes fill the seats:
 * <ul>
 * <li>{@code plurality}: each ballot counts for its first valid preference (after the
 *     problem-ballot rules); with several seats this is the single non-transferable vote;</li>
 * <li>{@code block}: each ballot counts once for every candidate it marks, at most as many as
 *     there are seats; a ballot marking more is set aside as an overvote;</li>
 * <li>{@code approval}: each ballot counts once for every candidate it marks.</li>
 * </ul>
 * Ties for the last seat (and within the ranking) are decided by lot, recorded in the report.
 */
public final class SingleRoundCount implements CountMethod {
    /** Which single-round method. */
    public enum Kind { PLURALITY, BLOCK, APPROVAL }

    private final Kind kind;

    public SingleRoundCount(Kind kind) { this.kind = kind; }

    @Override
    public String name() { return kind.name().toLowerCase(); }

    @Override
    public CountReport count(BallotBox box, CountOptions options) {
        int n = box.candidates().size();
        int standing = n - box.withdrawn().size();
        if (options.seats() > standing) throw new CountException("cannot fill " + options.seats() + " seats with " + standing + " standing candidates");
        long[] votes = new long[n];
        ProblemCounts problems;
        if (kind == Kind.PLURALITY) {
            RankedBallots ranked = RankedBallots.from(box, options.rules());
            for (int g = 0; g < ranked.groups(); g++) votes[ranked.prefs()[ranked.start()[g]]] += ranked.weights()[g];
            problems = ranked.problems();
        } else {
            problems = countMarks(box, options, votes);
        }
        if (problems.validWeight() == 0) throw new CountException("no valid ballots to count");
        Lot lot = options.lot(box.candidates());
        List<String> tieBreaks = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < n; c++) if (!box.withdrawn().contains(c)) order.add(c);
        order.sort((a, b) -> votes[a] != votes[b] ? Long.compare(votes[b], votes[a]) : Integer.compare(lot.position(a), lot.position(b)));
        for (int i = 0; i + 1 < order.size(); i++) {
            int a = order.get(i), b = order.get(i + 1);
            if (votes[a] == votes[b] && (i + 1 == options.seats())) {
                tieBreaks.add("equal votes (" + votes[a] + ") for the last seat between " + box.candidates().get(a) + " and " + box.candidates().get(b)
                        + ": decided by lot for " + box.candidates().get(a) + " (" + lot.describe() + ")");
            }
        }
        List<String> elected = new ArrayList<>();
        List<String> ranking = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            ranking.add(box.candidates().get(order.get(i)));
            if (i < options.seats()) elected.add(box.candidates().get(order.get(i)));
        }
        List<Tally> tallies = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (box.withdrawn().contains(c)) continue;
            tallies.add(new Tally(box.candidates().get(c), Long.toString(votes[c]), elected.contains(box.candidates().get(c)) ? "elected" : "not elected", null));
        }
        String rule = switch (kind) {
            case PLURALITY -> "plurality: each ballot counts for its first valid preference; the " + options.seats() + " with the most votes are elected";
            case BLOCK -> "block vote: each ballot counts for up to " + options.seats() + " marked candidates; the " + options.seats() + " with the most votes are elected";
            case APPROVAL -> "approval: each ballot counts for every marked candidate; the " + options.seats() + " with the most approvals are elected";
        };
        Round round = new Round(1, "count of marks", rule, tallies, null, elected, List.of(), List.of(), "0");
        return new CountReport(name(), box.title(), options.seats(), box.candidates(), "whole numbers (ballot weights)",
                options.rules().describe(), problems, List.of(round), elected, ranking, tieBreaks, null);
    }

    private ProblemCounts countMarks(BallotBox box, CountOptions options, long[] votes) {
        int n = box.candidates().size();
        long empty = 0, dup = 0, unknown = 0, rejUnknown = 0, rejOver = 0, valid = 0, validWeight = 0;
        boolean[] marked = new boolean[n];
        for (Ballot b : box.ballots()) {
            java.util.Arrays.fill(marked, false);
            int count = 0;
            boolean hadDup = false, hadUnknown = false;
            for (int r = 0; r < b.rankCount(); r++) {
                for (int i = 0; i < b.markCount(r); i++) {
                    int c = b.mark(r, i);
                    if (c == Ballot.UNKNOWN) { hadUnknown = true; continue; }
                    if (box.withdrawn().contains(c)) continue;
                    if (marked[c]) { hadDup = true; continue; }
                    marked[c] = true;
                    count++;
                }
            }
            if (hadDup) dup++;
            if (hadUnknown) unknown++;
            if (hadUnknown && options.rules().unknown() == UnknownCandidateRule.REJECT_BALLOT) { rejUnknown++; continue; }
            if (count == 0) { empty++; continue; }
            if (kind == Kind.BLOCK && count > options.seats()) { rejOver++; continue; }
            valid++;
            validWeight += b.weight();
            for (int c = 0; c < n; c++) if (marked[c]) votes[c] += b.weight();
        }
        return new ProblemCounts(box.ballots().size(), empty, rejOver, 0, 0, 0, 0, 0, dup, 0, unknown, rejUnknown, rejOver, valid, validWeight);
    }
}
