package org.smolny.ballot.decrypt;

import java.util.List;

/** The outcome of combining partial decryptions. */
public sealed interface DecryptionOutcome {
    record Decrypted(ElectionResult result, List<Integer> trustees) implements DecryptionOutcome {
    }

    /** Not decrypted: too few valid partial decryptions, or a total out of range; the reason says which. */
    record Failed(String reason) implements DecryptionOutcome {
    }
}
