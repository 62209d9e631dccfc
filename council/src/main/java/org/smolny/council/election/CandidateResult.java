package org.smolny.council.election;

import org.smolny.council.member.MemberId;

/**
 * A candidate's count in a plurality election.
 *
 * @param candidate the candidate
 * @param votes the votes received
 */
public record CandidateResult(MemberId candidate, int votes) {

    public CandidateResult {
        if (candidate == null || votes < 0) {
            throw new IllegalArgumentException("a result names its candidate and a count from zero");
        }
    }
}
