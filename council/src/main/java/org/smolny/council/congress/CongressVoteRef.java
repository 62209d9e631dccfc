package org.smolny.council.congress;

import org.smolny.council.mandate.MotionId;

/**
 * A reference to a congress's vote on a motion: the congress and the motion it voted on. Commands whose decision
 * belongs to a congress (pay above the cap, ratifying emergency powers, deciding an expulsion appeal, amending the
 * statutes) carry one, and it is checked against the
 * record by {@link CongressDecisions}.
 *
 * @param congress the congress that voted
 * @param motion the motion it voted on
 */
public record CongressVoteRef(CongressId congress, MotionId motion) {

    public CongressVoteRef {
        if (congress == null || motion == null) {
            throw new IllegalArgumentException("a congress vote is named by its congress and its motion");
        }
    }
}
