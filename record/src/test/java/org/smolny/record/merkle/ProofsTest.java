package org.smolny.record.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proofs generated from stored perfect nodes verify, equal the naive RFC 9162 definition, and fail when mutated. */
class ProofsTest {

    private static final int LEAVES = 70;

    private final List<byte[]> leaves = new ArrayList<>();
    private final Map<NodeId, Hash> stored = new HashMap<>();
    private final List<Hash> roots = new ArrayList<>();

    ProofsTest() {
        CompactRange range = CompactRange.empty();
        roots.add(range.root());
        for (int i = 0; i < LEAVES; i++) {
            byte[] leaf = ("entry " + i).getBytes(StandardCharsets.UTF_8);
            leaves.add(leaf);
            range.appendEntry(leaf, (level, index, hash, offset) -> stored.put(new NodeId(level, index), Hash.of(hash, offset)));
            roots.add(range.root());
        }
    }

    @Test
    void the_compact_range_root_is_the_rfc_9162_root_at_every_size() {
        for (int size = 0; size <= LEAVES; size++) {
            assertThat(roots.get(size)).isEqualTo(TreeFixtures.rootOf(leaves, size));
        }
        assertThat(roots.get(0).hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void the_root_plan_and_a_frontier_rebuilt_from_stored_nodes_give_the_same_root() {
        for (int size = 1; size <= LEAVES; size++) {
            assertThat(Proofs.rootPlan(size).assemble(stored).get(0)).isEqualTo(roots.get(size));
            List<Hash> frontier = Proofs.rangeNodes(0, size).stream().map(stored::get).toList();
            CompactRange rebuilt = CompactRange.of(size, frontier);
            rebuilt.append(TreeHasher.create().hashLeaf(new byte[] {1}));
            CompactRange original = CompactRange.empty();
            leaves.subList(0, size).forEach(leaf -> original.appendEntry(leaf, (l, i, h, o) -> { }));
            original.append(TreeHasher.create().hashLeaf(new byte[] {1}));
            assertThat(rebuilt.root()).isEqualTo(original.root());
        }
    }

    @Test
    void every_inclusion_proof_verifies_and_fails_for_a_neighbour_leaf() {
        TreeHasher hasher = TreeHasher.create();
        for (int size = 1; size <= LEAVES; size++) {
            for (int index = 0; index < size; index++) {
                List<Hash> proof = Proofs.inclusionPlan(index, size).assemble(stored);
                assertThat(proof).hasSize(Proofs.inclusionProofLength(index, size));
                Hash leaf = hasher.hashLeaf(leaves.get(index));
                assertThat(Proofs.verifyInclusion(index, size, leaf, proof, roots.get(size)).isVerified()).isTrue();
                if (size > 1) {
                    Hash other = hasher.hashLeaf(leaves.get((index + 1) % size));
                    assertThat(Proofs.verifyInclusion(index, size, other, proof, roots.get(size)))
                            .isInstanceOf(ProofError.RootMismatch.class);
                }
            }
        }
    }

    @Test
    void every_consistency_proof_verifies_and_a_forked_root_is_refused() {
        Hash forked = TreeHasher.create().hashLeaf("fork".getBytes(StandardCharsets.UTF_8));
        for (int size2 = 1; size2 <= LEAVES; size2++) {
            for (int size1 = 1; size1 <= size2; size1++) {
                List<Hash> proof = Proofs.consistencyPlan(size1, size2).assemble(stored);
                ProofResult result = Proofs.verifyConsistency(size1, size2, proof, roots.get(size1), roots.get(size2));
                assertThat(result.isVerified()).as(size1 + " -> " + size2 + ": " + result).isTrue();
                if (size1 < size2) {
                    assertThat(proof).hasSize(Proofs.consistencyProofLength(size1, size2));
                }
                assertThat(Proofs.verifyConsistency(size1, size2, proof, roots.get(size1), forked).isVerified()).isFalse();
            }
        }
    }

    @Test
    void a_proof_of_the_wrong_length_is_refused_before_hashing() {
        List<Hash> proof = new ArrayList<>(Proofs.inclusionPlan(3, 10).assemble(stored));
        proof.add(roots.get(1));
        ProofResult result = Proofs.verifyInclusion(3, 10, TreeHasher.create().hashLeaf(leaves.get(3)), proof, roots.get(10));
        assertThat(result).isEqualTo(new ProofError.WrongProofLength(4, 5));
        assertThat(Proofs.verifyInclusion(10, 10, roots.get(1), List.of(), roots.get(10)))
                .isEqualTo(new ProofError.IndexOutOfRange(10, 10));
        assertThat(Proofs.verifyConsistency(0, 5, List.of(), TreeHasher.emptyRoot(), roots.get(5)))
                .isEqualTo(new ProofError.ProofFromEmptyTree(5));
        assertThat(Proofs.verifyConsistency(6, 5, List.of(), roots.get(6), roots.get(5)))
                .isEqualTo(new ProofError.SizesOutOfOrder(6, 5));
    }

    @Test
    void a_hash_must_be_32_bytes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Hash(new byte[31]))
                .hasMessage("a hash is 32 bytes, got 31");
        assertThat(Proofs.verifyInclusion(0, 2, new byte[32], List.of(new byte[33]), new byte[32]))
                .isEqualTo(new ProofError.MalformedHash("proof hash 0", 33));
    }
}
