package org.smolny.council.statutes;

/**
 * How electors recall the holder of a mandate.
 *
 * @param threshold share of the electorate (counted when the petition opens) whose signatures end the petition
 * @param procedure what happens at the threshold
 * @param petitionDays how long a petition stays open for signatures
 * @param byElectionDays within how many days the by-election must be held
 */
public record RecallRules(Share threshold, RecallProcedure procedure, int petitionDays, int byElectionDays) {

    public RecallRules {
        if (threshold == null || procedure == null || petitionDays < 1 || byElectionDays < 1) {
            throw new IllegalArgumentException("recall rules need a threshold, a procedure and positive petition and by-election periods");
        }
    }
}
