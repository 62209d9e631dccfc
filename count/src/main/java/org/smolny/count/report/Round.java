package org.smolny.count.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One round (stage) of a count.
 *
 * @param number 1-based round number
 * @param action what was done in this round, in words ("first preferences", "surplus of X", "exclusion of Y")
 * @param rule the rule that was applied, citing its source where there is one
 * @param tallies every candidate's votes at the end of the round
 * @param quota the quota or threshold in force, or {@code null} where the method has none
 * @param elected candidates elected in this round
 * @param eliminated candidates excluded in this round
 * @param transfers votes moved in this round
 * @param exhausted exact total of votes that are no longer with any candidate at the end of the round
 * @param exhaustedBy the same total split by why the ballots stopped counting (an
 *        {@link org.smolny.count.rules.ExhaustReason} label to exact votes, reasons with none left
 *        out), or empty where the method does not split it
 */
public record Round(int number, String action, String rule, List<Tally> tallies, String quota,
                    List<String> elected, List<String> eliminated, List<Transfer> transfers, String exhausted,
                    Map<String, String> exhaustedBy) {
    public Round {
        if (number < 1) throw new IllegalArgumentException("round numbers start at 1");
        if (action == null || rule == null || exhausted == null) throw new IllegalArgumentException("round fields must be given");
        tallies = List.copyOf(tallies);
        elected = List.copyOf(elected);
        eliminated = List.copyOf(eliminated);
        transfers = List.copyOf(transfers);
        exhaustedBy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exhaustedBy));
    }

    /** A round whose exhausted votes are not split by reason. */
    public Round(int number, String action, String rule, List<Tally> tallies, String quota,
                 List<String> elected, List<String> eliminated, List<Transfer> transfers, String exhausted) {
        this(number, action, rule, tallies, quota, elected, eliminated, transfers, exhausted, Map.of());
    }

    /** The votes of {@code candidate} at the end of this round, or {@code null} if not listed. */
    public String votesOf(String candidate) {
        for (Tally t : tallies) if (t.candidate().equals(candidate)) return t.votes();
        return null;
    }
}
