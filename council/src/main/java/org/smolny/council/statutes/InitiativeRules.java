package org.smolny.council.statutes;

/**
 * Member initiative.
 *
 * @param threshold share of the unit's members whose support puts a motion on a body's agenda
 * @param openDays how long an initiative collects support
 */
public record InitiativeRules(Share threshold, int openDays) {

    public InitiativeRules {
        if (threshold == null || openDays < 1) {
            throw new IllegalArgumentException("member initiative needs a threshold and a positive period");
        }
    }
}
