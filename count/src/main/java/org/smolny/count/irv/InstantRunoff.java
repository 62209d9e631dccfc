package org.smolny.count.irv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.internal.IntList;
import org.smolny.count.method.CountException;
import org.smolny.count.method.CountMethod;
import org.smolny.count.method.CountOptions;
import org.smolny.count.method.Lot;
import org.smolny.count.report.CountReport;
import org.smolny.count.report.Round;
import org.smolny.count.report.Tally;
import org.smolny.count.report.Transfer;
import org.smolny.count.rules.ExhaustReason;
import org.smolny.count.rules.RankedBallots;

/**
 * Instant-runoff voting as RCTab counts a single-winner contest: each round every continuing
 * ballot counts (at its weight) for its highest-ranked continuing candidate; a candidate with more
 * than half of the votes of continuing ballots wins; otherwise the candidate with the fewest votes
 * is eliminated (a tie is decided by the most recent preceding round in which the tied candidates
 * had unequal votes, then by lot) and that candidate's ballots move on. Whole-number arithmetic.
 * Ballots sit in per-candidate piles so a round touches only the ballots that move.
 */
public final class InstantRunoff implements CountMethod {
    private static final String RULE_WIN = "IRV: a candidate with more than half of the continuing votes wins";
    private static final String RULE_ELIMINATE = "IRV: no majority, the candidate with the fewest votes is eliminated";

    @Override
    public String name() { return "irv"; }

    @Override
    public CountReport count(BallotBox box, CountOptions options) {
        if (options.seats() != 1) throw new CountException("instant-runoff fills one seat; use stv-scottish, stv-meek or stv-wigm for " + options.seats());
        RankedBallots ranked = RankedBallots.from(box, options.rules());
        boolean[] present = new boolean[box.candidates().size()];
        for (int c = 0; c < present.length; c++) present[c] = !box.withdrawn().contains(c);
        return count(box.title(), box.candidates(), present, ranked, options);
    }

    /** Counts ballots already put through the problem-ballot rules. */
    public CountReport count(String title, List<String> names, boolean[] present, RankedBallots ballots, CountOptions options) {
        int n = names.size();
        if (ballots.totalWeight() == 0) throw new CountException("no valid ballots to count");
        Lot lot = options.lot(names);
        boolean[] continuing = present.clone();
        int standing = 0;
        for (boolean p : present) if (p) standing++;
        if (standing == 0) throw new CountException("no candidate is standing");
        int[] prefs = ballots.prefs(), start = ballots.start();
        long[] weight = ballots.weights(), papers = ballots.papers();
        int[] position = new int[ballots.groups()];
        IntList[] piles = new IntList[n];
        for (int c = 0; c < n; c++) piles[c] = new IntList();
        long[] votes = new long[n];
        long exhausted = 0;
        long[] exhaustedBy = new long[ExhaustReason.values().length];
        for (int g = 0; g < ballots.groups(); g++) {
            int c = prefs[start[g]];
            position[g] = start[g];
            piles[c].add(g);
            votes[c] += weight[g];
        }
        List<long[]> history = new ArrayList<>();
        List<Round> rounds = new ArrayList<>();
        List<String> tieBreaks = new ArrayList<>();
        List<String> elected = new ArrayList<>();
        List<Transfer> transfers = List.of();
        List<String> eliminated = List.of();
        while (true) {
            history.add(votes.clone());
            long active = 0;
            int leader = -1;
            for (int c = 0; c < n; c++) {
                if (!continuing[c]) continue;
                active += votes[c];
                if (leader < 0 || votes[c] > votes[leader]) leader = c;
            }
            int remaining = 0;
            for (boolean b : continuing) if (b) remaining++;
            boolean wins = votes[leader] * 2 > active || remaining == 1;
            String action = rounds.isEmpty() ? "first preferences" : "transfer of " + String.join(", ", eliminated);
            List<Tally> tallies = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (!present[c]) continue;
                tallies.add(new Tally(names.get(c), Long.toString(votes[c]), continuing[c] ? (wins && c == leader ? "elected" : "hopeful") : "excluded", null));
            }
            String threshold = Long.toString(active / 2 + 1);
            if (wins) {
                elected.add(names.get(leader));
                rounds.add(new Round(rounds.size() + 1, action, RULE_WIN, tallies, threshold, List.of(names.get(leader)), List.of(), transfers, Long.toString(exhausted), byReason(exhaustedBy)));
                break;
            }
            int loser = lowest(continuing, votes, history, lot, names, tieBreaks);
            rounds.add(new Round(rounds.size() + 1, action, RULE_ELIMINATE, tallies, threshold, List.of(), List.of(names.get(loser)), transfers, Long.toString(exhausted), byReason(exhaustedBy)));
            continuing[loser] = false;
            long[] moved = new long[n];
            long[] movedPapers = new long[n];
            long exhaustedNow = 0, exhaustedPapers = 0;
            IntList pile = piles[loser];
            int[] groups = pile.raw();
            for (int k = 0; k < pile.size(); k++) {
                int g = groups[k];
                int i = position[g] + 1, end = start[g + 1];
                while (i < end && !continuing[prefs[i]]) i++;
                if (i == end) {
                    exhaustedNow += weight[g];
                    exhaustedPapers += papers[g];
                    exhaustedBy[ballots.end(g).ordinal()] += weight[g];
                    continue;
                }
                position[g] = i;
                piles[prefs[i]].add(g);
                moved[prefs[i]] += weight[g];
                movedPapers[prefs[i]] += papers[g];
            }
            piles[loser] = new IntList(1);
            List<Transfer> next = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (moved[c] == 0 && movedPapers[c] == 0) continue;
                votes[c] += moved[c];
                next.add(new Transfer(names.get(loser), names.get(c), "1", moved[c], Long.toString(moved[c])));
            }
            if (exhaustedPapers > 0) next.add(new Transfer(names.get(loser), "exhausted", "1", exhaustedNow, Long.toString(exhaustedNow)));
            exhausted += exhaustedNow;
            votes[loser] = 0;
            transfers = next;
            eliminated = List.of(names.get(loser));
        }
        return new CountReport(name(), title, 1, names, "whole numbers (ballot weights)", options.rules().describe(),
                ballots.problems(), rounds, elected, List.of(), tieBreaks, null);
    }

    private static Map<String, String> byReason(long[] exhaustedBy) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ExhaustReason reason : ExhaustReason.values()) {
            if (exhaustedBy[reason.ordinal()] > 0) out.put(reason.label(), Long.toString(exhaustedBy[reason.ordinal()]));
        }
        return out;
    }

    private static int lowest(boolean[] continuing, long[] votes, List<long[]> history, Lot lot, List<String> names, List<String> tieBreaks) {
        long low = Long.MAX_VALUE;
        List<Integer> tied = new ArrayList<>();
        for (int c = 0; c < votes.length; c++) {
            if (!continuing[c]) continue;
            if (votes[c] < low) { low = votes[c]; tied.clear(); tied.add(c); } else if (votes[c] == low) tied.add(c);
        }
        if (tied.size() == 1) return tied.get(0);
        List<String> tiedNames = new ArrayList<>();
        for (int c : tied) tiedNames.add(names.get(c));
        List<Integer> remaining = tied;
        for (int r = history.size() - 2; r >= 0 && remaining.size() > 1; r--) {
            long[] then = history.get(r);
            long min = Long.MAX_VALUE;
            for (int c : remaining) min = Math.min(min, then[c]);
            List<Integer> kept = new ArrayList<>();
            for (int c : remaining) if (then[c] == min) kept.add(c);
            if (kept.size() < remaining.size()) {
                tieBreaks.add("equal lowest votes between " + String.join(", ", tiedNames) + ": decided by the votes in round " + (r + 1));
                remaining = kept;
            }
        }
        if (remaining.size() == 1) return remaining.get(0);
        int loser = lot.loser(remaining);
        tieBreaks.add("equal lowest votes between " + String.join(", ", tiedNames) + ": equal in every round, decided by lot: " + names.get(loser) + " eliminated (" + lot.describe() + ")");
        return loser;
    }
}
