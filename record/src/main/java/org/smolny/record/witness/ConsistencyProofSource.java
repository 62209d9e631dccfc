package org.smolny.record.witness;

import java.io.IOException;
import java.util.List;

/**
 * Where a log client gets RFC 6962/9162 consistency proofs of its own tree, to send to witnesses. The log's
 * store implements it. Implementations must be safe to call from several threads at once.
 */
@FunctionalInterface
public interface ConsistencyProofSource {

    /**
     * The consistency proof (32-byte hashes, in RFC 9162 order) from the tree of size {@code oldSize} to the
     * tree of size {@code newSize}, where {@code 0 < oldSize < newSize}.
     */
    List<byte[]> consistencyProof(long oldSize, long newSize) throws IOException;
}
