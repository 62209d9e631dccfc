package org.smolny.count.stv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smolny.count.internal.IntList;
import org.smolny.count.method.CountException;
import org.smolny.count.method.Lot;
import org.smolny.count.report.Round;
import org.smolny.count.report.Tally;
import org.smolny.count.report.Transfer;
import org.smolny.count.rules.RankedBallots;

/**
 * One STV count by the weighted inclusive Gregory method, in the stages of the Scottish Local
 * Government Elections Order 2007 (SSI 2007/42), schedule 1, rules 45–52: every ballot paper of an
 * elected candidate is transferred at (surplus × its value ÷ the candidate's votes), the largest
 * surplus first, exclusions move every paper at the value it arrived with, ties are broken by the
 * most recent preceding stage at which the tied candidates had unequal votes, then by lot.
 *
 * <p>Ballots sit in per-candidate piles of parcels (a parcel: ballot groups sharing one value), so a
 * transfer touches only the ballots it moves. Single use, not thread-safe.
 */
final class GregoryCount<V> {
    private static final byte HOPEFUL = 0, ELECTED = 1, EXCLUDED = 2;

    private record Parcel<V>(V value, IntList groups) { }

    /** One line of a round's transfers: votes moved to one destination at one value. */
    private static final class Line<V> {
        final String to;
        final V value;
        V votes;
        long weight;

        Line(String to, V value, V votes, long weight) {
            this.to = to;
            this.value = value;
            this.votes = votes;
            this.weight = weight;
        }
    }

    private final RankedBallots ballots;
    private final Arithmetic<V> arithmetic;
    private final int seats;
    private final Lot lot;
    private final List<String> names;
    private final RuleText ruleText;
    private final int n;
    private final byte[] status;
    private final boolean[] present;
    private final int[] position;
    private final List<List<Parcel<V>>> piles = new ArrayList<>();
    private final List<V> votes = new ArrayList<>();
    private final List<List<V>> history = new ArrayList<>();
    private final List<Round> rounds = new ArrayList<>();
    private final List<String> tieBreaks = new ArrayList<>();
    private final List<Integer> electedOrder = new ArrayList<>();
    private final List<Integer> pendingSurplus = new ArrayList<>();
    private V exhausted;
    private V quota;

    /** The rule citations written into each round. */
    record RuleText(String firstStage, String surplus, String exclusion, String lastVacancies) { }

    GregoryCount(RankedBallots ballots, Arithmetic<V> arithmetic, int seats, Lot lot, List<String> names, boolean[] present, RuleText ruleText) {
        this.ballots = ballots;
        this.arithmetic = arithmetic;
        this.seats = seats;
        this.lot = lot;
        this.names = names;
        this.present = present;
        this.ruleText = ruleText;
        this.n = names.size();
        this.status = new byte[n];
        this.position = new int[ballots.groups()];
        int standing = 0;
        for (int c = 0; c < n; c++) {
            if (present[c]) standing++; else status[c] = EXCLUDED;
            piles.add(new ArrayList<>());
            votes.add(arithmetic.zero());
        }
        if (seats > standing) throw new CountException("cannot fill " + seats + " seats with " + standing + " standing candidates");
        if (ballots.totalWeight() == 0) throw new CountException("no valid ballots to count");
        this.exhausted = arithmetic.zero();
    }

    record Outcome(List<Round> rounds, List<String> elected, List<String> tieBreaks) { }

    Outcome run() {
        quota = arithmetic.quota(ballots.totalWeight(), seats);
        firstStage();
        while (electedOrder.size() < seats) {
            int vacancies = seats - electedOrder.size();
            List<Integer> continuing = continuing();
            if (continuing.size() <= vacancies) {
                fillLastVacancies(continuing);
                break;
            }
            if (!pendingSurplus.isEmpty()) transferSurplus(pickSurplus());
            else exclude(pickExclusion(continuing));
        }
        List<String> elected = new ArrayList<>();
        for (int c : electedOrder) elected.add(names.get(c));
        return new Outcome(rounds, elected, tieBreaks);
    }

    private void firstStage() {
        int[] prefs = ballots.prefs(), start = ballots.start();
        long[] weight = ballots.weights(), papers = ballots.papers();
        IntList[] byCandidate = new IntList[n];
        long[] w = new long[n];
        long[] p = new long[n];
        for (int g = 0; g < ballots.groups(); g++) {
            int i = start[g];
            while (i < start[g + 1] && status[prefs[i]] != HOPEFUL) i++;
            if (i == start[g + 1]) { exhausted = arithmetic.add(exhausted, arithmetic.ofWhole(weight[g])); continue; }
            position[g] = i;
            int c = prefs[i];
            if (byCandidate[c] == null) byCandidate[c] = new IntList();
            byCandidate[c].add(g);
            w[c] += weight[g];
            p[c] += papers[g];
        }
        for (int c = 0; c < n; c++) {
            if (byCandidate[c] == null) continue;
            piles.get(c).add(new Parcel<>(arithmetic.ofWhole(1), byCandidate[c]));
            votes.set(c, arithmetic.ofWhole(w[c]));
        }
        List<String> newlyElected = electReachingQuota();
        finishRound("first preferences", ruleText.firstStage(), newlyElected, List.of(), List.of());
    }

    private List<Integer> continuing() {
        List<Integer> list = new ArrayList<>();
        for (int c = 0; c < n; c++) if (status[c] == HOPEFUL) list.add(c);
        return list;
    }

    private void fillLastVacancies(List<Integer> continuing) {
        List<Integer> ordered = orderByVotesDescending(continuing, "order of election of the last vacancies");
        List<String> newly = new ArrayList<>();
        for (int c : ordered) { status[c] = ELECTED; electedOrder.add(c); newly.add(names.get(c)); }
        finishRound("last vacancies filled", ruleText.lastVacancies(), newly, List.of(), List.of());
    }

    private int pickSurplus() {
        V best = null;
        List<Integer> tied = new ArrayList<>();
        for (int c : pendingSurplus) {
            V s = arithmetic.subtract(votes.get(c), quota);
            int cmp = best == null ? 1 : arithmetic.compare(s, best);
            if (cmp > 0) { best = s; tied.clear(); tied.add(c); } else if (cmp == 0) tied.add(c);
        }
        return tied.size() == 1 ? tied.get(0) : breakTie(tied, true, "equal surpluses", history.size() - 2);
    }

    private int pickExclusion(List<Integer> continuing) {
        V lowest = null;
        List<Integer> tied = new ArrayList<>();
        for (int c : continuing) {
            V v = votes.get(c);
            int cmp = lowest == null ? -1 : arithmetic.compare(v, lowest);
            if (cmp < 0) { lowest = v; tied.clear(); tied.add(c); } else if (cmp == 0) tied.add(c);
        }
        return tied.size() == 1 ? tied.get(0) : breakTie(tied, false, "equal lowest votes", history.size() - 2);
    }

    /**
     * Looks back to the most recent preceding stage at which the tied candidates had unequal votes
     * and keeps the highest ({@code highest}) or lowest there; then draws lots among any still tied.
     */
    private int breakTie(List<Integer> tied, boolean highest, String what, int latestPreceding) {
        List<Integer> remaining = new ArrayList<>(tied);
        for (int stage = latestPreceding; stage >= 0 && remaining.size() > 1; stage--) {
            List<V> then = history.get(stage);
            V extreme = null;
            for (int c : remaining) {
                V v = then.get(c);
                if (extreme == null || (highest ? arithmetic.compare(v, extreme) > 0 : arithmetic.compare(v, extreme) < 0)) extreme = v;
            }
            List<Integer> kept = new ArrayList<>();
            for (int c : remaining) if (arithmetic.compare(then.get(c), extreme) == 0) kept.add(c);
            if (kept.size() < remaining.size()) {
                tieBreaks.add(what + " between " + namesOf(remaining) + ": decided by the votes at the end of stage " + (stage + 1)
                        + " (the most recent preceding stage at which they were unequal)" + (kept.size() == 1 ? ": " + names.get(kept.get(0)) : ""));
                remaining = kept;
            }
        }
        if (remaining.size() == 1) return remaining.get(0);
        int chosen = highest ? lot.winner(remaining) : lot.loser(remaining);
        tieBreaks.add(what + " between " + namesOf(remaining) + ": equal at all stages, decided by lot: " + names.get(chosen) + " (" + lot.describe() + ")");
        return chosen;
    }

    private List<Integer> orderByVotesDescending(List<Integer> candidates, String what) {
        List<Integer> rest = new ArrayList<>(candidates);
        List<Integer> ordered = new ArrayList<>();
        while (!rest.isEmpty()) {
            V best = null;
            List<Integer> tied = new ArrayList<>();
            for (int c : rest) {
                int cmp = best == null ? 1 : arithmetic.compare(votes.get(c), best);
                if (cmp > 0) { best = votes.get(c); tied.clear(); tied.add(c); } else if (cmp == 0) tied.add(c);
            }
            int pick = tied.size() == 1 ? tied.get(0) : breakTie(tied, true, what, history.size() - 1);
            ordered.add(pick);
            rest.remove(Integer.valueOf(pick));
        }
        return ordered;
    }

    private List<String> electReachingQuota() {
        List<Integer> reaching = new ArrayList<>();
        for (int c = 0; c < n; c++) if (status[c] == HOPEFUL && arithmetic.compare(votes.get(c), quota) >= 0) reaching.add(c);
        List<String> newly = new ArrayList<>();
        if (reaching.isEmpty()) return newly;
        for (int c : orderByVotesDescending(reaching, "order of election")) {
            if (electedOrder.size() == seats) break;
            status[c] = ELECTED;
            electedOrder.add(c);
            newly.add(names.get(c));
            if (arithmetic.compare(votes.get(c), quota) > 0) pendingSurplus.add(c);
        }
        return newly;
    }

    private void transferSurplus(int from) {
        pendingSurplus.remove(Integer.valueOf(from));
        V total = votes.get(from);
        V surplus = arithmetic.subtract(total, quota);
        List<Transfer> transfers = new ArrayList<>();
        V moved = move(from, parcel -> arithmetic.transferValue(surplus, parcel.value(), total), transfers);
        V lost = arithmetic.subtract(surplus, moved);
        if (arithmetic.compare(lost, arithmetic.zero()) != 0) {
            exhausted = arithmetic.add(exhausted, lost);
        }
        votes.set(from, quota);
        String note = "surplus of " + names.get(from) + " (" + arithmetic.format(surplus) + ")";
        List<String> newly = electReachingQuota();
        finishRound(note, ruleText.surplus(), newly, List.of(), transfers);
    }

    private void exclude(int candidate) {
        status[candidate] = EXCLUDED;
        List<Transfer> transfers = new ArrayList<>();
        V held = votes.get(candidate);
        V moved = move(candidate, Parcel::value, transfers);
        exhausted = arithmetic.add(exhausted, arithmetic.subtract(held, moved));
        votes.set(candidate, arithmetic.zero());
        List<String> newly = electReachingQuota();
        finishRound("exclusion of " + names.get(candidate), ruleText.exclusion(), newly, List.of(names.get(candidate)), transfers);
    }

    /**
     * Moves every ballot in {@code from}'s pile to its next continuing preference, at the value
     * {@code newValue} gives its parcel. Returns the votes credited to continuing candidates.
     */
    private V move(int from, java.util.function.Function<Parcel<V>, V> newValue, List<Transfer> transfers) {
        int[] prefs = ballots.prefs(), start = ballots.start();
        long[] weight = ballots.weights(), papers = ballots.papers();
        V credited = arithmetic.zero();
        Map<String, Line<V>> lines = new LinkedHashMap<>();
        for (Parcel<V> parcel : piles.get(from)) {
            V value = newValue.apply(parcel);
            IntList[] dest = new IntList[n];
            long[] destWeight = new long[n];
            long[] destPapers = new long[n];
            long exhaustedWeight = 0, exhaustedPapers = 0;
            int[] groups = parcel.groups().raw();
            int size = parcel.groups().size();
            for (int k = 0; k < size; k++) {
                int g = groups[k];
                int i = position[g] + 1, end = start[g + 1];
                while (i < end && status[prefs[i]] != HOPEFUL) i++;
                if (i == end) { exhaustedWeight += weight[g]; exhaustedPapers += papers[g]; continue; }
                position[g] = i;
                int d = prefs[i];
                if (dest[d] == null) dest[d] = new IntList(Math.max(8, size / 8));
                dest[d].add(g);
                destWeight[d] += weight[g];
                destPapers[d] += papers[g];
            }
            for (int d = 0; d < n; d++) {
                if (dest[d] == null) continue;
                piles.get(d).add(new Parcel<>(value, dest[d]));
                V credit = arithmetic.times(value, destWeight[d]);
                votes.set(d, arithmetic.add(votes.get(d), credit));
                credited = arithmetic.add(credited, credit);
                addLine(lines, names.get(d), value, destWeight[d], credit);
            }
            if (exhaustedPapers > 0) {
                V gone = arithmetic.times(value, exhaustedWeight);
                addLine(lines, "exhausted", value, exhaustedWeight, gone);
            }
        }
        piles.get(from).clear();
        for (Line<V> line : lines.values()) {
            transfers.add(new Transfer(names.get(from), line.to, arithmetic.format(line.value), line.weight, arithmetic.format(line.votes)));
        }
        return credited;
    }

    private void addLine(Map<String, Line<V>> lines, String to, V value, long weight, V credit) {
        Line<V> line = lines.computeIfAbsent(to + "\u0000" + arithmetic.format(value), k -> new Line<>(to, value, arithmetic.zero(), 0));
        line.votes = arithmetic.add(line.votes, credit);
        line.weight += weight;
    }

    private void finishRound(String action, String rule, List<String> newlyElected, List<String> eliminated, List<Transfer> transfers) {
        history.add(new ArrayList<>(votes));
        List<Tally> tallies = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (!present[c]) continue;
            String s = status[c] == HOPEFUL ? "hopeful" : status[c] == ELECTED ? "elected" : "excluded";
            tallies.add(new Tally(names.get(c), arithmetic.format(votes.get(c)), s, null));
        }
        rounds.add(new Round(rounds.size() + 1, action, rule, tallies, arithmetic.format(quota), newlyElected, eliminated, transfers, arithmetic.format(exhausted)));
    }

    private String namesOf(List<Integer> cs) {
        List<String> out = new ArrayList<>();
        for (int c : cs) out.add(names.get(c));
        return String.join(", ", out);
    }
}
