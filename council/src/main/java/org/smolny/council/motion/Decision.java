package org.smolny.council.motion;

import org.smolny.council.statutes.Share;

/**
 * The result of a vote and the rule that decided it. When the quorum was not reached, {@code rule} names the quorum
 * and {@code threshold} is the number of seats that had to be present; otherwise {@code threshold} is the fewest
 * votes for that carry the question under the majority. Immutable.
 *
 * @param rule the rule that decided, in words, naming its source in the statutes
 * @param inFavour votes for (delegates, or cards in a card vote)
 * @param against votes against
 * @param abstentions abstentions
 * @param threshold the figure the rule compared with
 * @param passed whether the question was carried
 */
public record Decision(String rule, long inFavour, long against, long abstentions, long threshold, boolean passed) {

    public Decision {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("a decision states the rule that decided it");
        }
        if (inFavour < 0 || against < 0 || abstentions < 0 || threshold < 0) {
            throw new IllegalArgumentException("vote counts cannot be negative");
        }
    }

    /** Whether the vote failed for want of a quorum (nothing was decided on the merits). */
    public boolean inquorate() {
        return rule.startsWith("quorum");
    }

    /**
     * Decides a vote.
     *
     * @param majority the majority needed
     * @param source where the rule comes from, such as {@code statutes, decisions.ordinary}
     * @param quorum the share of seats that must be present
     * @param presentSeats seats occupied by a delegate or an alternate present at the vote
     * @param entitledSeats seats of the congress
     * @param all every vote entitled (seats in a named vote, cards in a card vote)
     * @param unit what a vote is, plural ("votes", "cards")
     */
    public static Decision of(MajorityRule majority, String source, Share quorum, int presentSeats, int entitledSeats,
                              long inFavour, long against, long abstentions, long all, String unit) {
        if (!quorum.reachedBy(presentSeats, entitledSeats)) {
            int needed = quorum.of(entitledSeats);
            return new Decision("quorum of " + quorum + " of the " + entitledSeats + " seats (" + source + "): "
                    + presentSeats + " present, " + needed + " needed", inFavour, against, abstentions, needed, false);
        }
        long threshold = majority.threshold(against, all);
        return new Decision(majority.words() + " (" + source + "), counted in " + unit + " of " + all + " entitled",
                inFavour, against, abstentions, threshold, inFavour >= threshold);
    }

    /** The result in one sentence, as the hall and the minutes show it. */
    public String sentence() {
        String counts = inFavour + " for, " + against + " against, " + abstentions + " abstaining";
        if (inquorate()) {
            return "Not decided: no quorum (" + rule + "). " + counts + ".";
        }
        return (passed ? "Carried: " : "Lost: ") + counts + "; the rule is " + rule + ", which needs at least "
                + threshold + " for.";
    }
}
