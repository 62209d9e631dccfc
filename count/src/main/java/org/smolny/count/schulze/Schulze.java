package org.smolny.count.schulze;

import java.util.ArrayList;
import java.util.List;
import org.smolny.count.ballot.Ballot;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.method.CountException;
import org.smolny.count.method.CountMethod;
import org.smolny.count.method.CountOptions;
import org.smolny.count.method.Lot;
import org.smolny.count.report.CountReport;
import org.smolny.count.report.Pairwise;
import org.smolny.count.report.Round;
import org.smolny.count.report.Tally;
import org.smolny.count.rules.ProblemCounts;
import org.smolny.count.rules.UnknownCandidateRule;

/**
 * The Schulze method (winning votes). Ballots may rank candidates equally (several candidates at
 * one rank); unranked candidates count as ranked below every ranked one. {@code d[i][j]} is the
 * weight of ballots preferring i to j, {@code p[i][j]} the strength of the strongest path. The
 * ranking is built by repeatedly taking, among the candidates not yet ranked, those X with
 * {@code p[X][Y] >= p[Y][X]} for every other unranked Y; when there are several, the tie-breaking
 * ranking (the lot order, supplied as data or derived from a seed) decides, as Schulze prescribes
 * with his tie-breaking ranking of candidates. The first {@code seats} of the ranking are elected.
 */
public final class Schulze implements CountMethod {
    @Override
    public String name() { return "schulze"; }

    @Override
    public CountReport count(BallotBox box, CountOptions options) {
        int n = box.candidates().size();
        List<Integer> standing = new ArrayList<>();
        for (int c = 0; c < n; c++) if (!box.withdrawn().contains(c)) standing.add(c);
        if (options.seats() > standing.size()) throw new CountException("cannot fill " + options.seats() + " seats with " + standing.size() + " standing candidates");
        long[][] d = new long[n][n];
        long empty = 0, dup = 0, unknown = 0, rejUnknown = 0, valid = 0, validWeight = 0;
        int[] rankOf = new int[n];
        for (Ballot b : box.ballots()) {
            java.util.Arrays.fill(rankOf, Integer.MAX_VALUE);
            boolean hadDup = false, hadUnknown = false, any = false;
            for (int r = 0; r < b.rankCount(); r++) {
                for (int i = 0; i < b.markCount(r); i++) {
                    int c = b.mark(r, i);
                    if (c == Ballot.UNKNOWN) { hadUnknown = true; continue; }
                    if (box.withdrawn().contains(c)) continue;
                    if (rankOf[c] != Integer.MAX_VALUE) { if (rankOf[c] != r) hadDup = true; continue; }
                    rankOf[c] = r;
                    any = true;
                }
            }
            if (hadDup) dup++;
            if (hadUnknown) unknown++;
            if (hadUnknown && options.rules().unknown() == UnknownCandidateRule.REJECT_BALLOT) { rejUnknown++; continue; }
            if (!any) { empty++; continue; }
            valid++;
            validWeight += b.weight();
            for (int i : standing) for (int j : standing) if (rankOf[i] < rankOf[j]) d[i][j] += b.weight();
        }
        if (validWeight == 0) throw new CountException("no valid ballots to count");
        long[][] p = new long[n][n];
        for (int i : standing) for (int j : standing) if (i != j) p[i][j] = d[i][j] > d[j][i] ? d[i][j] : 0;
        for (int i : standing) for (int j : standing) {
            if (i == j) continue;
            for (int k : standing) {
                if (i == k || j == k) continue;
                p[j][k] = Math.max(p[j][k], Math.min(p[j][i], p[i][k]));
            }
        }
        Lot lot = options.lot(box.candidates());
        List<String> tieBreaks = new ArrayList<>();
        List<Integer> rest = new ArrayList<>(standing);
        List<String> ranking = new ArrayList<>();
        List<Round> rounds = new ArrayList<>();
        while (!rest.isEmpty()) {
            List<Integer> potential = new ArrayList<>();
            for (int x : rest) {
                boolean ok = true;
                for (int y : rest) if (y != x && p[x][y] < p[y][x]) ok = false;
                if (ok) potential.add(x);
            }
            int pick = potential.size() == 1 ? potential.get(0) : lot.winner(potential);
            if (potential.size() > 1) {
                List<String> tied = new ArrayList<>();
                for (int c : potential) tied.add(box.candidates().get(c));
                tieBreaks.add("place " + (ranking.size() + 1) + ": potential winners " + String.join(", ", tied)
                        + " decided by the tie-breaking ranking: " + box.candidates().get(pick) + " (" + lot.describe() + ")");
            }
            ranking.add(box.candidates().get(pick));
            rest.remove(Integer.valueOf(pick));
            List<Tally> tallies = new ArrayList<>();
            for (int c : standing) {
                long wins = 0;
                for (int y : standing) if (y != c && p[c][y] > p[y][c]) wins++;
                tallies.add(new Tally(box.candidates().get(c), Long.toString(wins), ranking.contains(box.candidates().get(c)) ? "ranked" : "unranked", null));
            }
            boolean elected = ranking.size() <= options.seats();
            rounds.add(new Round(ranking.size(), "place " + ranking.size() + ": " + box.candidates().get(pick),
                    "Schulze: among unranked candidates, X with p[X,Y] >= p[Y,X] for every other unranked Y; ties by the tie-breaking ranking",
                    tallies, null, elected ? List.of(box.candidates().get(pick)) : List.of(), List.of(), List.of(), "0"));
        }
        List<List<Long>> dl = new ArrayList<>(), pl = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Long> dr = new ArrayList<>(), pr = new ArrayList<>();
            for (int j = 0; j < n; j++) { dr.add(d[i][j]); pr.add(p[i][j]); }
            dl.add(dr);
            pl.add(pr);
        }
        ProblemCounts problems = new ProblemCounts(box.ballots().size(), empty, 0, 0, 0, 0, 0, 0, dup, 0, unknown, rejUnknown, 0, valid, validWeight);
        return new CountReport(name(), box.title(), options.seats(), box.candidates(), "whole numbers (ballot weights)",
                "equal rankings allowed; a repeated candidate counts at its first rank; " + options.rules().describe().replaceAll("^.*(unknown candidates)", "$1"),
                problems, rounds, ranking.subList(0, options.seats()), ranking, tieBreaks, new Pairwise(dl, pl));
    }
}
