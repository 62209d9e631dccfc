package org.smolny.web.record;

import java.util.List;
import java.util.Optional;

/** The record's RFC 9162 proof verification, as pure functions: empty when the proof holds, otherwise what is wrong. */
public interface ProofChecker {

    /** Whether {@code proof} shows the leaf {@code leafHash} at {@code index} in the tree of {@code size} entries with root {@code rootHash}. */
    Optional<String> inclusionProblem(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] rootHash);

}
