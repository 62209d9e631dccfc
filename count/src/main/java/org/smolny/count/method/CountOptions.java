package org.smolny.count.method;

import java.util.List;
import org.smolny.count.rules.ProblemRules;

/**
 * What a count needs besides the ballots.
 *
 * @param seats seats to fill (at least 1)
 * @param rules problem-ballot rules
 * @param lotSeed seed from which the lot order is derived, used when {@code lotOrder} is empty
 * @param lotOrder the lot order given as data (every candidate once, lot winner first), or empty
 */
public record CountOptions(int seats, ProblemRules rules, String lotSeed, List<String> lotOrder) {
    public CountOptions {
        if (seats < 1) throw new CountException("seats must be at least 1, was " + seats);
        if (rules == null) throw new IllegalArgumentException("rules must be given");
        if (lotSeed == null) lotSeed = "";
        lotOrder = List.copyOf(lotOrder);
    }

    public static CountOptions seats(int seats) {
        return new CountOptions(seats, ProblemRules.defaults(), "", List.of());
    }

    public CountOptions withRules(ProblemRules newRules) { return new CountOptions(seats, newRules, lotSeed, lotOrder); }

    public CountOptions withLotSeed(String seed) { return new CountOptions(seats, rules, seed, lotOrder); }

    public CountOptions withLotOrder(List<String> order) { return new CountOptions(seats, rules, lotSeed, order); }

    /** The lot order for {@code candidates}: the one given as data, else the one derived from the seed. */
    public Lot lot(List<String> candidates) {
        return lotOrder.isEmpty() ? Lot.ofSeed(candidates, lotSeed) : Lot.ofOrder(candidates, lotOrder);
    }
}
