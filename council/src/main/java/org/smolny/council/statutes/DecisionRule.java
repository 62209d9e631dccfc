package org.smolny.council.statutes;

import java.util.Optional;

/**
 * The quorum and majority the statutes require for one type of decision.
 *
 * @param quorum share of those entitled who must be present
 * @param majority the majority of votes needed
 */
public record DecisionRule(Share quorum, Majority majority) {

    public DecisionRule {
        if (quorum == null || majority == null) {
            throw new IllegalArgumentException("a decision rule needs a quorum and a majority");
        }
    }

    /** Whether enough of those entitled were present. */
    public boolean hasQuorum(VoteTally tally) {
        return quorum.reachedBy(tally.present(), tally.entitled());
    }

    /** Whether the votes for reach the majority (quorum aside). */
    public boolean carries(VoteTally tally) {
        return switch (majority) {
            case SIMPLE -> tally.inFavour() > tally.against();
            case ABSOLUTE -> 2L * tally.inFavour() > tally.entitled();
            case TWO_THIRDS -> tally.inFavour() + tally.against() > 0 && 3L * tally.inFavour() >= 2L * (tally.inFavour() + tally.against());
        };
    }

    /** Why {@code tally} does not carry the decision, or empty when it does. */
    public Optional<String> failure(VoteTally tally) {
        if (!hasQuorum(tally)) {
            return Optional.of("no quorum: " + tally.present() + " of " + tally.entitled()
                    + " present, the statutes require " + quorum + " (" + quorum.of(tally.entitled()) + ")");
        }
        if (!carries(tally)) {
            return Optional.of("not carried: " + tally.inFavour() + " for, " + tally.against() + " against, "
                    + tally.abstentions() + " abstaining; the statutes require a " + majority.key() + " majority");
        }
        return Optional.empty();
    }
}
