package org.smolny.ballot.decrypt;

import java.util.List;

/** The decrypted totals by contest and selection, weighted (§8.4). Immutable. */
public record ElectionResult(List<List<Long>> counts) {
    public ElectionResult {
        counts = counts.stream().map(List::copyOf).toList();
    }
}
