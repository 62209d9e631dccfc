package org.smolny.council.motion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which amendments to a motion are put to the vote: every amendment before the motion, the most
 * far-reaching first (the one that removes and adds the most lines), then by the line it starts at, then in the
 * order moved. An amendment that overlaps a carried one falls without a vote. Stateless.
 */
public final class VotingOrder {

    private VotingOrder() {
    }

    /**
     * A pending amendment, for ordering.
     *
     * @param key the amendment's identity, returned as given
     * @param edit what it does
     * @param movedIndex the order in which it was moved (earlier first)
     */
    public record Pending<K>(K key, LineEdit edit, int movedIndex) {
        public Pending {
            if (key == null || edit == null || movedIndex < 0) {
                throw new IllegalArgumentException("a pending amendment has a key, an edit and its place in the order moved");
            }
        }
    }

    /** The pending amendments in voting order. */
    public static <K> List<K> order(List<Pending<K>> pending) {
        List<Pending<K>> sorted = new ArrayList<>(pending);
        sorted.sort(Comparator.comparingInt((Pending<K> amendment) -> amendment.edit().extent()).reversed()
                .thenComparingInt(amendment -> amendment.edit().position())
                .thenComparingInt(Pending::movedIndex));
        return sorted.stream().map(Pending::key).toList();
    }
}
