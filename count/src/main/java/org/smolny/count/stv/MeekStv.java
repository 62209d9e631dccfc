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
 * Meek STV by the Proportional Representation Foundation's Reference Meek Rule (Meek's method as
 * published by Hill, Wichmann and Woodall, 1987, with its arithmetic fixed), in fixed point with
 * nine decimal places held in a long. Each round iterates: every ballot gives each candidate it
 * reaches its remaining weight times the candidate's keep factor, rounded up to nine places, and
 * passes on the rest (B.2.a); the quota is the candidates' votes ÷ (seats + 1), truncated, plus
 * 10^-9 (B.2.b); hopeful candidates at or above the quota are elected and the round ends (B.2.c);
 * otherwise the iteration stops when the elected candidates' total surplus is below 10^-6 or no
 * longer falls (B.2.e), else each elected candidate's keep factor becomes keep × quota (rounded up)
 * ÷ votes (rounded up) (B.2.f). When the iteration stops without an election, the hopeful candidate
 * with the fewest votes is defeated; candidates within the total surplus of the lowest count as
 * tied, and the tie is decided by lot (B.3, T). When the hopeful candidates are no more than the
 * vacancies, they are all elected (C.1).
 */
public final class MeekStv implements CountMethod {
    static final long UNIT = 1_000_000_000L;
    static final long OMEGA = 1_000L;
    private static final byte HOPEFUL = 0, ELECTED = 1, EXCLUDED = 2;
    private static final String RULE = "PRF Reference Meek Rule ";

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
                    "fixed point, 9 decimal places in a long: votes credited rounded up, quota truncated plus 0.000000001, "
                            + "keep factors rounded up, iteration until the total surplus is below 0.000001 or stops falling",
                    options.rules().describe(), ballots.problems(), rounds, elected, List.of(), tieBreaks, null);
        }

        /** B.2.a and B.2.b: distributes every ballot by the keep factors, then sets the quota. */
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
                    long given = k == UNIT ? remaining : ceilDiv(multiply(remaining, k), UNIT);
                    votes[c] = Math.addExact(votes[c], Math.multiplyExact(given, w));
                    remaining -= given;
                }
                excess = Math.addExact(excess, Math.multiplyExact(remaining, w));
            }
            long total = Math.multiplyExact(ballots.totalWeight(), UNIT);
            quota = (total - excess) / (seats + 1) + 1;
        }

        private void run() {
            distribute();
            record("first preferences", RULE + "B.2.a-b: every ballot credited at full value to its first preference; quota = votes / (seats + 1) + 0.000000001",
                    List.of(), List.of(), 0);
            while (hopefulCount() > seats - electedOrder.size() && electedOrder.size() < seats) {
                int iterations = 0;
                long lastSurplus = Long.MAX_VALUE;
                List<Integer> reaching;
                long surplus;
                while (true) {
                    distribute();
                    reaching = reachingQuota();
                    surplus = 0;
                    for (int c = 0; c < n; c++) if (status[c] == ELECTED) surplus += votes[c] - quota;
                    for (int c : reaching) surplus += votes[c] - quota;
                    surplus = Math.max(0, surplus);
                    if (!reaching.isEmpty() || surplus < OMEGA || surplus >= lastSurplus) break;
                    lastSurplus = surplus;
                    for (int c = 0; c < n; c++) if (status[c] == ELECTED) keep[c] = keepFactor(keep[c], quota, votes[c]);
                    iterations++;
                }
                if (!reaching.isEmpty()) {
                    List<String> newly = new ArrayList<>();
                    for (int c : orderDescending(reaching)) {
                        if (electedOrder.size() == seats) break;
                        status[c] = ELECTED; electedOrder.add(c); newly.add(names.get(c));
                    }
                    record("election of " + String.join(", ", newly), RULE + "B.2.c: candidates at or above the quota elected", newly, List.of(), iterations);
                    continue;
                }
                int loser = lowest(surplus);
                status[loser] = EXCLUDED;
                keep[loser] = 0;
                String why = surplus < OMEGA ? "total surplus below 0.000001" : "total surplus no longer falling";
                record("exclusion of " + names.get(loser), RULE + "B.3: " + why + ", the hopeful candidate with the fewest votes defeated (keep factor 0)",
                        List.of(), List.of(names.get(loser)), iterations);
            }
            if (electedOrder.size() < seats) {
                distribute();
                List<Integer> hopeful = new ArrayList<>();
                for (int c = 0; c < n; c++) if (status[c] == HOPEFUL) hopeful.add(c);
                List<String> newly = new ArrayList<>();
                for (int c : orderDescending(hopeful)) { status[c] = ELECTED; electedOrder.add(c); newly.add(names.get(c)); }
                record("last vacancies filled", RULE + "C.1: hopeful candidates no more than the vacancies, all elected", newly, List.of(), 0);
            }
        }

        private int hopefulCount() {
            int count = 0;
            for (byte s : status) if (s == HOPEFUL) count++;
            return count;
        }

        /** B.2.f: ⌈⌈keep × quota⌉ ÷ votes⌉, each step to nine places. */
        private static long keepFactor(long keep, long quota, long votes) {
            long product = ceilDiv(multiply(keep, quota), UNIT);
            return Math.min(ceilDiv(multiply(product, UNIT), votes), UNIT);
        }

        private static java.math.BigInteger multiply(long a, long b) {
            return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b));
        }

        private static long ceilDiv(java.math.BigInteger numerator, long divisor) {
            java.math.BigInteger[] qr = numerator.divideAndRemainder(java.math.BigInteger.valueOf(divisor));
            return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
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
                int pick = tied.get(0);
                if (tied.size() > 1) {
                    pick = lot.winner(tied);
                    tieBreaks.add("order of election between " + namesOf(tied) + ": equal votes, decided by lot: " + names.get(pick) + " (" + lot.describe() + ")");
                }
                out.add(pick);
                rest.remove(Integer.valueOf(pick));
            }
            return out;
        }

        /** B.3 and T: the lowest hopeful candidate; every hopeful within the total surplus of the lowest is tied with it, and the lot decides. */
        private int lowest(long surplus) {
            long low = Long.MAX_VALUE;
            for (int c = 0; c < n; c++) if (status[c] == HOPEFUL) low = Math.min(low, votes[c]);
            List<Integer> tied = new ArrayList<>();
            for (int c = 0; c < n; c++) if (status[c] == HOPEFUL && votes[c] <= low + surplus) tied.add(c);
            if (tied.size() == 1) return tied.get(0);
            int loser = lot.loser(tied);
            tieBreaks.add("lowest votes between " + namesOf(tied) + " (within the total surplus " + format(surplus) + "): decided by lot: "
                    + names.get(loser) + " defeated (" + lot.describe() + ")");
            return loser;
        }

        private String namesOf(List<Integer> cs) {
            List<String> out = new ArrayList<>();
            for (int c : cs) out.add(names.get(c));
            return String.join(", ", out);
        }

        /**
         * Records a round as the count stands when its decision is taken: a defeated candidate still
         * shows the votes it was defeated with (its ballots move on in the next round).
         */
        private void record(String action, String rule, List<String> elected, List<String> excluded, int iterations) {
            List<Tally> tallies = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (!present[c]) continue;
                String s = status[c] == HOPEFUL ? "hopeful" : status[c] == ELECTED ? "elected" : "excluded";
                tallies.add(new Tally(names.get(c), format(votes[c]), s, format(keep[c])));
            }
            String text = iterations > 0 ? action + " (after " + iterations + (iterations == 1 ? " iteration)" : " iterations)") : action;
            rounds.add(new Round(rounds.size() + 1, text, rule, tallies, format(quota), elected, excluded, List.of(), format(excess)));
        }

        static String format(long units) {
            String frac = Long.toString(units % UNIT);
            while (frac.length() < 9) frac = "0" + frac;
            return (units / UNIT) + "." + frac;
        }
    }
}
