package org.smolny.council.statutes;

/**
 * How electors recall the holder of a mandate.
 *
 * @param threshold share of the electorate (counted when the petition opens) whose signatures end the petition
 * @param procedure what happens at the threshold
 * @param petitionDays how long a petition stays open for signatures
 * @param byElectionDays within how many days the by-election must be held
 * @param voteDays under the recall-vote procedure, how many days the recall vote stays open; at the deadline it closes
 */
public record RecallRules(Share threshold, RecallProcedure procedure, int petitionDays, int byElectionDays, int voteDays) {

    /** The recall vote's length when the statutes do not set {@code vote_days}. */
    public static final int DEFAULT_VOTE_DAYS = 21;

    public RecallRules {
        if (threshold == null || procedure == null || petitionDays < 1 || byElectionDays < 1 || voteDays < 1) {
            throw new IllegalArgumentException("recall rules need a threshold, a procedure and positive petition, by-election and vote periods");
        }
    }

    /** Recall rules with the default length of a recall vote. */
    public RecallRules(Share threshold, RecallProcedure procedure, int petitionDays, int byElectionDays) {
        this(threshold, procedure, petitionDays, byElectionDays, DEFAULT_VOTE_DAYS);
    }
}
