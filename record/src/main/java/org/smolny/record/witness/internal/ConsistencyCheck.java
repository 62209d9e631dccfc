package org.smolny.record.witness.internal;

import java.util.List;
import org.smolny.record.merkle.Hash;
import org.smolny.record.merkle.ProofError;
import org.smolny.record.merkle.ProofResult;
import org.smolny.record.merkle.Proofs;
import org.smolny.record.merkle.TreeHasher;

/**
 * The witness's view of an RFC 9162 consistency proof between the tree head it holds and a new checkpoint:
 * {@link Proofs#verifyConsistency} for non-empty trees, and the tlog-witness rule that a checkpoint after
 * the empty tree (old size 0) comes with an empty proof. Returns a sentence saying what is wrong, or null.
 * Stateless.
 */
public final class ConsistencyCheck {

    private ConsistencyCheck() {
    }

    /** Problem with a proof from the empty tree to a tree of {@code size}: the proof must be empty. */
    public static String problemFromEmpty(long size, Hash root, List<Hash> proof) {
        if (!proof.isEmpty()) {
            return "a proof from size 0 must be empty, got " + proof.size() + " hash(es)";
        }
        if (size == 0 && !TreeHasher.emptyRoot().equals(root)) {
            return "the root hash of an empty tree is the SHA-256 of nothing";
        }
        return null;
    }

    /** Problem with {@code proof} from ({@code size1}, {@code root1}) to ({@code size2}, {@code root2}), or null. */
    public static String problem(long size1, Hash root1, long size2, Hash root2, List<Hash> proof) {
        ProofResult result = Proofs.verifyConsistency(size1, size2, proof, root1, root2);
        if (result instanceof ProofError.RootMismatch mismatch && mismatch.size() == size1) {
            return "the proof does not lead to the root hash of size " + size1
                    + " that the witness cosigned: the log's history differs from what the witness saw";
        }
        return result instanceof ProofError error ? error.message() : null;
    }
}
