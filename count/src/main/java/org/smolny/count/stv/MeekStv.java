package org.smolny.count.stv;

import java.util.ArrayList;
import java.util.List;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.method.CountException;
import org.smolny.count.method.CountMethod;
import org.smolny.count.method.CountOptions;
import org.smolny.count.method.Lot;
import org.smolny.count.report.CountReport;
import org.smolny.count.report.Round;
import org.smolny.count.report.Tally;
import org.smolny.count.rules.RankedBallots;

/**
 * Meek STV as published by Hill, Wichmann and Woodall (1987), in guarded fixed point with nine
 * decimal places held in a long: each ballot gives every candidate it reaches its remaining value
 * times the candidate's keep factor, truncated to nine places, and passes on the rest; the quota is
 * (votes − excess) ÷ (seats + 1), truncated, plus 10^-9; an elected candidate's keep factor becomes
 * keep × quota ÷ votes, rounded up to nine places; iteration stops when the elected candidates'
 * total surplus is below 10^-6 (or a candidate reaches the quota). Then, if nobody new is elected,
 * the candidate with the fewest votes is excluded (ties: most recent preceding round with unequal
 * votes, then lot).
 */
public final class MeekStv implements CountMethod {
    static final long UNIT = 1_000_000_000L;
    static final long OMEGA = 1_000L;
    static final int MAX_ITERATIONS = 100_000;
    private static final byte HOPEFUL = 0, ELECTED = 1, EXCLUDED = 2;

    @Override
    public String name() { return "stv-meek"; }

    @Override
    public CountReport count(BallotBox box, CountOptions options) {
        RankedBallots ranked = RankedBallots.from(box, options.rules());
        return new Run(ranked, box.candidates(), StvReports.present(box), options.seats(), options.lot(box.candidates()))
                .report(name(), box.title(), options);
    }

    private static final class Run {
        private final RankedBallots ballots;
        private final List<String> names;
        private final boolean[] present;
        private final int seats;
        private final Lot lot;
        private final int n;
        private final byte[] status;
        private final long[] keep;
        private final long[] votes;
        private long excess;
        private long quota;
        private final List<long[]> history = new ArrayList<>();
        private final List<Round> rounds = new ArrayList<>();
        private final List<String> tieBreaks = new ArrayList<>();
        private final List<Integer> electedOrder = new ArrayList<>();

        Run(RankedBallots ballots, List<String> names, boolean[] present, int seats, Lot lot) {
            this.ballots = ballots;
            this.names = names;
            this.present = present;
            this.seats = seats;
            this.lot = lot;
            this.n = names.size();
            this.status = new byte[n];
            this.keep = new long[n];
            this.votes = new long[n];
            int standing = 0;
            for (int c = 0; c < n; c++) {
                if (present[c]) { keep[c] = UNIT; standing++; } else status[c] = EXCLUDED;
            }
            if (seats > standing) throw new CountException("cannot fill " + seats + " seats with " + standing + " standing candidates");
            if (ballots.totalWeight() == 0) throw new CountException("no valid ballots to count");
        }

        CountReport report(String method, String title, CountOptions options) {
            run();
            List<String> elected = new ArrayList<>();
            for (int c : electedOrder) elected.add(names.get(c));
            return new CountReport(method, title, seats, names,
                    "fixed point, 9 decimal places in a long: votes received truncated, keep factors rounded up, iteration until total surplus < 0.000001",
                    options.rules().describe(), ballots.problems(), rounds, elected, List.of(), tieBreaks, null);
        }

        private void distribute() {
            int[] prefs = ballots.prefs(), start = ballots.start();
            long[] weight = ballots.weights();
            java.util.Arrays.fill(votes, 0);
            excess = 0;
            for (int g = 0; g < ballots.groups(); g++) {
                long remaining = UNIT;
                long w = weight[g];
                for (int i = start[g]; i < start[g + 1] && remaining > 0; i++) {
                    int c = prefs[i];
                    long k = keep[c];
                    if (k == 0) continue;
                    long given = k == UNIT ? remaining : remaining * k / UNIT;
                    votes[c] = Math.addExact(votes[c], Math.multiplyExact(given, w));
                    remaining -= given;
                }
                excess = Math.addExact(excess, Math.multiplyExact(remaining, w));
            }
            long total = Math.multiplyExact(ballots.totalWeight(), UNIT);
            quota = (total - excess) / (seats + 1) + 1;
        }

        private void run() {
            int round = 0;
            distribute();
            record("first preferences", "Meek: every ballot credited at full value to its first continuing preference", List.of(), List.of(), 0);
            while (electedOrder.size() < seats) {
                List<Integer> hopeful = new ArrayList<>();
                for (int c = 0; c < n; c++) if (status[c] == HOPEFUL) hopeful.add(c);
                if (hopeful.size() <= seats - electedOrder.size()) {
                    List<String> newly = new ArrayList<>();
                    for (int c : orderDescending(hopeful)) { status[c] = ELECTED; electedOrder.add(c); newly.add(names.get(c)); }
                    record("last vacancies filled", "Meek: hopeful candidates no more than the vacancies, all elected", newly, List.of(), 0);
                    break;
                }
                int iterations = 0;
                List<Integer> reaching = reachingQuota();
                while (reaching.isEmpty()) {
                    long surplus = 0;
                    for (int c : electedOrder) surplus += Math.max(0, votes[c] - quota);
                    if (surplus < OMEGA || iterations >= MAX_ITERATIONS) break;
                    for (int c : electedOrder) keep[c] = keepFactor(keep[c], quota, votes[c]);
                    distribute();
                    iterations++;
                    reaching = reachingQuota();
                }
                if (!reaching.isEmpty()) {
                    List<String> newly = new ArrayList<>();
                    for (int c : orderDescending(reaching)) {
                        if (electedOrder.size() == seats) break;
                        status[c] = ELECTED; electedOrder.add(c); newly.add(names.get(c));
                    }
                    record("election of " + String.join(", ", newly), "Meek: candidates at or above the quota elected", newly, List.of(), iterations);
                    continue;
                }
                int loser = lowest(hopeful);
                status[loser] = EXCLUDED;
                keep[loser] = 0;
                distribute();
                record("exclusion of " + names.get(loser), "Meek: surpluses converged, candidate with the fewest votes excluded (keep factor 0)",
                        List.of(), List.of(names.get(loser)), iterations);
            }
        }

        /** ⌈keep × quota ÷ votes⌉ to nine places, computed exactly. */
        private static long keepFactor(long keep, long quota, long votes) {
            java.math.BigInteger p = java.math.BigInteger.valueOf(keep).multiply(java.math.BigInteger.valueOf(quota));
            java.math.BigInteger[] qr = p.divideAndRemainder(java.math.BigInteger.valueOf(votes));
            long result = qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
            return Math.min(result, UNIT);
        }

        private List<Integer> reachingQuota() {
            List<Integer> list = new ArrayList<>();
            for (int c = 0; c < n; c++) if (status[c] == HOPEFUL && votes[c] >= quota) list.add(c);
            return list;
        }

        private List<Integer> orderDescending(List<Integer> candidates) {
            List<Integer> rest = new ArrayList<>(candidates);
            List<Integer> out = new ArrayList<>();
            while (!rest.isEmpty()) {
                long best = Long.MIN_VALUE;
                List<Integer> tied = new ArrayList<>();
                for (int c : rest) {
                    if (votes[c] > best) { best = votes[c]; tied.clear(); tied.add(c); } else if (votes[c] == best) tied.add(c);
                }
                int pick = tied.size() == 1 ? tied.get(0) : breakTie(tied, true, "order of election");
                out.add(pick);
                rest.remove(Integer.valueOf(pick));
            }
            return out;
        }

        private int lowest(List<Integer> hopeful) {
            long low = Long.MAX_VALUE;
            List<Integer> tied = new ArrayList<>();
            for (int c : hopeful) {
                if (votes[c] < low) { low = votes[c]; tied.clear(); tied.add(c); } else if (votes[c] == low) tied.add(c);
            }
            return tied.size() == 1 ? tied.get(0) : breakTie(tied, false, "equal lowest votes");
        }

        private int breakTie(List<Integer> tied, boolean highest, String what) {
            List<Integer> remaining = new ArrayList<>(tied);
            for (int r = history.size() - 2; r >= 0 && remaining.size() > 1; r--) {
                long[] then = history.get(r);
                long extreme = highest ? Long.MIN_VALUE : Long.MAX_VALUE;
                for (int c : remaining) extreme = highest ? Math.max(extreme, then[c]) : Math.min(extreme, then[c]);
                List<Integer> kept = new ArrayList<>();
                for (int c : remaining) if (then[c] == extreme) kept.add(c);
                if (kept.size() < remaining.size()) {
                    tieBreaks.add(what + " between " + namesOf(remaining) + ": decided by the votes at the end of round " + (r + 1));
                    remaining = kept;
                }
            }
            if (remaining.size() == 1) return remaining.get(0);
            int chosen = highest ? lot.winner(remaining) : lot.loser(remaining);
            tieBreaks.add(what + " between " + namesOf(remaining) + ": equal in every round, decided by lot: " + names.get(chosen) + " (" + lot.describe() + ")");
            return chosen;
        }

        private String namesOf(List<Integer> cs) {
            List<String> out = new ArrayList<>();
            for (int c : cs) out.add(names.get(c));
            return String.join(", ", out);
        }

        private void record(String action, String rule, List<String> elected, List<String> excluded, int iterations) {
            history.add(votes.clone());
            List<Tally> tallies = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (!present[c]) continue;
                String s = status[c] == HOPEFUL ? "hopeful" : status[c] == ELECTED ? "elected" : "excluded";
                tallies.add(new Tally(names.get(c), format(votes[c]), s, format(keep[c])));
            }
            String text = iterations > 0 ? action + " (after " + iterations + " iterations)" : action;
            rounds.add(new Round(rounds.size() + 1, text, rule, tallies, format(quota), elected, excluded, List.of(), format(excess)));
        }

        static String format(long units) {
            String frac = Long.toString(units % UNIT);
            while (frac.length() < 9) frac = "0" + frac;
            return (units / UNIT) + "." + frac;
        }
    }
}
