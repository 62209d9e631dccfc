package org.smolny.council.statutes;

/**
 * Rules on joining and on expulsion.
 *
 * @param probationDays days after admission before a member may vote, sign petitions or stand
 * @param noticeDays least days between the written notice of a charge and its hearing
 * @param appealDays days after an expulsion during which the member may appeal to the congress
 */
public record MembershipRules(int probationDays, int noticeDays, int appealDays) {

    public MembershipRules {
        if (probationDays < 0 || noticeDays < 1 || appealDays < 1) {
            throw new IllegalArgumentException("probation cannot be negative; notice and appeal windows must be at least one day");
        }
    }
}
