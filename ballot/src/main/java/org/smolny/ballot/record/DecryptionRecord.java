package org.smolny.ballot.record;

import java.util.List;
import org.smolny.ballot.decrypt.PartialDecryption;

/**
 * The published decryption (ballot spec §10.5): the partial decryptions with proofs, the k trustees whose shares were
 * combined, and the counts. Immutable.
 */
public record DecryptionRecord(List<PartialDecryption> partials, List<Integer> trustees, List<List<Long>> counts) {
    public DecryptionRecord {
        partials = List.copyOf(partials);
        trustees = List.copyOf(trustees);
        counts = counts.stream().map(List::copyOf).toList();
    }
}
