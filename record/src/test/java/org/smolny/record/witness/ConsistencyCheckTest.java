package org.smolny.record.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smolny.record.merkle.Hash;
import org.smolny.record.witness.internal.ConsistencyCheck;

/** The witness accepts exactly the consistency proofs of RFC 9162 and refuses every altered one. */
class ConsistencyCheckTest {

    private static final TestLog LOG = TestLog.create("example.org/log", 40);

    @Test
    void every_honest_proof_between_two_sizes_up_to_forty_holds() {
        for (int m = 1; m < 40; m++) {
            for (int n = m + 1; n <= 40; n++) {
                assertThat(ConsistencyCheck.problem(m, LOG.root(m), n, LOG.root(n), LOG.consistencyProof(m, n)))
                        .as("proof %d -> %d", m, n).isNull();
            }
        }
    }

    @Test
    void a_proof_with_any_hash_flipped_by_one_bit_is_refused() {
        for (int[] sizes : new int[][] {{1, 2}, {3, 7}, {4, 8}, {6, 31}, {16, 40}, {27, 33}}) {
            List<Hash> proof = LOG.consistencyProof(sizes[0], sizes[1]);
            for (int i = 0; i < proof.size(); i++) {
                List<Hash> altered = new ArrayList<>(proof);
                byte[] hash = altered.get(i).bytes();
                hash[7] ^= 0x10;
                altered.set(i, new Hash(hash));
                assertThat(ConsistencyCheck.problem(sizes[0], LOG.root(sizes[0]), sizes[1], LOG.root(sizes[1]), altered))
                        .as("proof %d -> %d with hash %d flipped", sizes[0], sizes[1], i).isNotNull();
            }
        }
    }

    @Test
    void a_proof_of_the_wrong_length_is_refused_before_hashing_naming_both_lengths() {
        List<Hash> proof = new ArrayList<>(LOG.consistencyProof(6, 31));
        List<Hash> longer = new ArrayList<>(proof);
        longer.add(new Hash(new byte[32]));

        assertThat(ConsistencyCheck.problem(6, LOG.root(6), 31, LOG.root(31), proof.subList(0, proof.size() - 1)))
                .contains("has " + (proof.size() - 1) + " hash(es)").contains("need exactly " + proof.size());
        assertThat(ConsistencyCheck.problem(6, LOG.root(6), 31, LOG.root(31), longer))
                .contains("need exactly " + proof.size());
    }

    @Test
    void an_honest_proof_does_not_hold_against_another_old_root() {
        TestLog forked = LOG.fork("forged ", 40);

        assertThat(ConsistencyCheck.problem(12, forked.root(12), 20, LOG.root(20), LOG.consistencyProof(12, 20)))
                .contains("root hash of size 12");
    }

    @Test
    void a_proof_from_the_empty_tree_must_be_empty() {
        assertThat(ConsistencyCheck.problemFromEmpty(5, LOG.root(5), List.of())).isNull();
        assertThat(ConsistencyCheck.problemFromEmpty(5, LOG.root(5), List.of(new Hash(new byte[32])))).contains("must be empty");
        assertThat(ConsistencyCheck.problemFromEmpty(0, LOG.root(0), List.of())).isNull();
        assertThat(ConsistencyCheck.problemFromEmpty(0, LOG.root(1), List.of())).contains("empty tree");
    }
}
