package org.smolny.council.election;

import org.smolny.council.member.MemberId;

import java.util.HashSet;
import java.util.List;

/**
 * One elector's open (named) vote: the candidates they vote for, at most one vote per candidate.
 *
 * @param voter the elector
 * @param candidates the candidates chosen, none twice
 */
public record Ballot(MemberId voter, List<MemberId> candidates) {

    public Ballot {
        if (voter == null || candidates == null) {
            throw new IllegalArgumentException("a ballot names its voter and candidates");
        }
        candidates = List.copyOf(candidates);
        if (new HashSet<>(candidates).size() != candidates.size()) {
            throw new IllegalArgumentException("elector " + voter + " voted twice for the same candidate");
        }
    }
}
