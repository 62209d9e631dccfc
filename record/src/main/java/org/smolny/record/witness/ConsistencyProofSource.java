package org.smolny.record.witness;

import java.io.IOException;
import java.util.List;
import org.smolny.record.merkle.Hash;

/**
 * Where a log client gets RFC 6962/9162 consistency proofs of its own tree, to send to witnesses. The log's
 * store implements it. Implementations must be safe to call from several threads at once.
 */
@FunctionalInterface
public interface ConsistencyProofSource {

    /**
     * The consistency proof (in RFC 9162 order) from the tree of size {@code oldSize} to the
     * tree of size {@code newSize}, where {@code 0 < oldSize < newSize}.
     */
    List<Hash> consistencyProof(long oldSize, long newSize) throws IOException;
}
