package org.smolny.council.congress;

import java.util.HashSet;
import java.util.List;

/**
 * Identical ranked ballots of a congress election, grouped without the voters' names: {@code count} ballot papers
 * ranking the candidates at {@code ranking} (indices into the election's candidate list, most preferred first).
 *
 * @param count how many ballot papers rank this way
 * @param ranking candidate indices from 0, none twice
 */
public record RankedVote(int count, List<Integer> ranking) {

    public RankedVote {
        if (count < 1) {
            throw new IllegalArgumentException("a group of ballots holds at least one ballot");
        }
        ranking = List.copyOf(ranking);
        if (new HashSet<>(ranking).size() != ranking.size() || ranking.stream().anyMatch(index -> index < 0)) {
            throw new IllegalArgumentException("a ranking names each candidate at most once, by index from 0");
        }
    }
}
