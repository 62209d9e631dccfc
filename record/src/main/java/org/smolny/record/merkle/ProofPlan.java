package org.smolny.record.merkle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which stored nodes make up a proof or a root. Each proof hash is the root of a range of entries; the range
 * decomposes into perfect subtrees ({@link NodeId}s, left to right), hashed together from the right. A store reads
 * {@link #nodeIds()} in one go and calls {@link #assemble}. Immutable.
 *
 * @param elements for each proof hash, in proof order, the perfect subtrees it is made of
 */
public record ProofPlan(List<List<NodeId>> elements) {

    public ProofPlan {
        elements = elements.stream().map(List::copyOf).toList();
        for (List<NodeId> element : elements) {
            if (element.isEmpty()) {
                throw new IllegalArgumentException("a proof element covers at least one node");
            }
        }
    }

    /** Every node the plan needs, without repetition, in a stable order. */
    public List<NodeId> nodeIds() {
        Set<NodeId> ids = new LinkedHashSet<>();
        elements.forEach(ids::addAll);
        return List.copyOf(ids);
    }

    /** The proof hashes, computed from the hashes of {@link #nodeIds()}. */
    public List<Hash> assemble(Map<NodeId, Hash> nodes) {
        TreeHasher hasher = TreeHasher.forThread();
        List<Hash> proof = new ArrayList<>(elements.size());
        for (List<NodeId> element : elements) {
            Hash hash = require(nodes, element.get(element.size() - 1));
            for (int i = element.size() - 2; i >= 0; i--) {
                hash = hasher.hashChildren(require(nodes, element.get(i)), hash);
            }
            proof.add(hash);
        }
        return List.copyOf(proof);
    }

    private static Hash require(Map<NodeId, Hash> nodes, NodeId id) {
        Hash hash = nodes.get(id);
        if (hash == null) {
            throw new IllegalStateException("the hash of " + id + " is missing");
        }
        return hash;
    }
}
