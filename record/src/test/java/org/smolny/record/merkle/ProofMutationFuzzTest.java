package org.smolny.record.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Random trees and proofs: every valid proof verifies, every single-bit or single-number mutation is refused. */
@Tag("fuzz")
class ProofMutationFuzzTest {

    @Test
    void no_mutated_inclusion_or_consistency_proof_verifies() {
        SplittableRandom random = new SplittableRandom(9162);
        Map<NodeId, Hash> nodes = new HashMap<>();
        List<Hash> roots = new ArrayList<>();
        List<Hash> leaves = new ArrayList<>();
        CompactRange tree = CompactRange.empty();
        roots.add(tree.root());
        for (int i = 0; i < 3000; i++) {
            byte[] entry = ByteBuffer.allocate(8).putLong(random.nextLong()).array();
            leaves.add(tree.appendEntry(entry, (level, index, hash, offset) -> nodes.put(new NodeId(level, index), Hash.of(hash, offset))));
            roots.add(tree.root());
        }
        for (int round = 0; round < 5000; round++) {
            long size = 1 + random.nextInt(3000);
            long index = random.nextLong(size);
            List<byte[]> proof = bytes(Proofs.inclusionPlan(index, size).assemble(nodes));
            byte[] leaf = leaves.get((int) index).bytes();
            byte[] root = roots.get((int) size).bytes();
            assertThat(Proofs.verifyInclusion(index, size, leaf, proof, root).isVerified()).isTrue();
            // (The tree size is not mutated: a proof may have the same shape for a neighbouring size, and the
            // size is bound to the root by the signed checkpoint, not by the proof.)
            switch (random.nextInt(3)) {
                case 0 -> flip(random, proof.isEmpty() ? leaf : proof.get(random.nextInt(proof.size())));
                case 1 -> flip(random, root);
                default -> index = index ^ (1L << random.nextInt(12));
            }
            assertThat(Proofs.verifyInclusion(index, size, leaf, proof, root).isVerified()).isFalse();

            long size2 = 2 + random.nextInt(2999);
            long size1 = 1 + random.nextLong(size2 - 1);
            List<byte[]> consistency = bytes(Proofs.consistencyPlan(size1, size2).assemble(nodes));
            byte[] root1 = roots.get((int) size1).bytes();
            byte[] root2 = roots.get((int) size2).bytes();
            assertThat(Proofs.verifyConsistency(size1, size2, consistency, root1, root2).isVerified()).isTrue();
            switch (random.nextInt(3)) {
                case 0 -> flip(random, consistency.get(random.nextInt(consistency.size())));
                case 1 -> flip(random, random.nextBoolean() ? root1 : root2);
                default -> size1 = size1 == 1 ? 2 : size1 - 1;
            }
            if (size1 != size2) {
                assertThat(Proofs.verifyConsistency(size1, size2, consistency, root1, root2).isVerified()).isFalse();
            }
        }
    }

    private static void flip(SplittableRandom random, byte[] bytes) {
        bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
    }

    private static List<byte[]> bytes(List<Hash> hashes) {
        List<byte[]> list = new ArrayList<>();
        hashes.forEach(hash -> list.add(hash.bytes()));
        return list;
    }
}
