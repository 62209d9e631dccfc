package org.smolny.ballot.decrypt;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.Scalar;
import org.smolny.ballot.group.SecretScalar;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.proof.ChaumPedersenProof;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.proof.Relation;
import org.smolny.ballot.proof.Transcript;
import org.smolny.ballot.tally.EncryptedTally;

/** Threshold decryption of the tally (ballot spec §8.2–8.4). Stateless. */
public final class Decryption {
    private Decryption() {
    }

    /** The statement context of trustee i's share of selection j of contest c (§8.2 eq 43). */
    public static Transcript shareStatement(int trustee, int contest, int selection) {
        return new Transcript().integer(trustee).integer(contest).integer(selection);
    }

    /** §8.2: trustee i computes Mᵢ = A^xᵢ for every tally ciphertext, with a Chaum–Pedersen proof each. */
    public static PartialDecryption partial(ProofContext context, int trustee, SecretScalar keyShare,
                                            EncryptedTally tally, SecureRandom random) {
        Group group = context.group();
        GroupElement verificationKey = group.powerOfGenerator(keyShare);
        List<List<DecryptionShare>> out = new ArrayList<>();
        for (int c = 0; c < tally.totals().size(); c++) {
            List<DecryptionShare> row = new ArrayList<>();
            for (int s = 0; s < tally.totals().get(c).size(); s++) {
                GroupElement alpha = tally.totals().get(c).get(s).alpha();
                GroupElement m = alpha.power(keyShare);
                row.add(new DecryptionShare(m, ChaumPedersenProof.prove(context, verificationKey, alpha, m, keyShare,
                        shareStatement(trustee, c, s), random)));
            }
            out.add(row);
        }
        return new PartialDecryption(trustee, out);
    }

    /** The relations of every proof of a partial decryption (§8.2 eq 44), or empty if its shape is wrong. */
    public static java.util.Optional<List<Relation>> relations(ProofContext context, GroupElement verificationKey,
                                                               EncryptedTally tally, PartialDecryption partial) {
        if (!sameShape(tally, partial)) {
            return java.util.Optional.empty();
        }
        List<Relation> out = new ArrayList<>();
        for (int c = 0; c < tally.totals().size(); c++) {
            for (int s = 0; s < tally.totals().get(c).size(); s++) {
                DecryptionShare share = partial.shares().get(c).get(s);
                out.addAll(share.proof().relations(context, verificationKey, tally.totals().get(c).get(s).alpha(),
                        share.share(), shareStatement(partial.trustee(), c, s)));
            }
        }
        return java.util.Optional.of(out);
    }

    /** True if every share of the partial decryption is proven against the trustee's verification key. */
    public static boolean verify(ProofContext context, GroupElement verificationKey, EncryptedTally tally,
                                 PartialDecryption partial) {
        return relations(context, verificationKey, tally, partial)
                .map(rs -> rs.stream().allMatch(Relation::holds)).orElse(false);
    }

    private static boolean sameShape(EncryptedTally tally, PartialDecryption partial) {
        if (partial.shares().size() != tally.totals().size()) {
            return false;
        }
        for (int c = 0; c < tally.totals().size(); c++) {
            if (partial.shares().get(c).size() != tally.totals().get(c).size()) {
                return false;
            }
        }
        return true;
    }

    /**
     * §8.3–8.4: from the partial decryptions whose proofs hold (at least k of them, distinct trustees), computes
     * A^s = Π Mᵢ^λᵢ, g^t = B / A^s and t by baby-step giant-step with t ≤ bound.
     */
    public static DecryptionOutcome combine(ProofContext context, CeremonyParameters parameters,
                                            Map<Integer, GroupElement> verificationKeys, EncryptedTally tally,
                                            List<PartialDecryption> partials, long bound) {
        Group group = context.group();
        Map<Integer, PartialDecryption> valid = new TreeMap<>();
        for (PartialDecryption p : partials) {
            GroupElement x = verificationKeys.get(p.trustee());
            if (x == null || valid.containsKey(p.trustee())) {
                return new DecryptionOutcome.Failed("trustee " + p.trustee() + " is unknown or appears twice");
            }
            if (!verify(context, x, tally, p)) {
                return new DecryptionOutcome.Failed("the partial decryption of trustee " + p.trustee()
                        + " has an invalid proof");
            }
            valid.put(p.trustee(), p);
        }
        if (valid.size() < parameters.threshold()) {
            return new DecryptionOutcome.Failed("only " + valid.size() + " valid partial decryptions; the threshold is "
                    + parameters.threshold());
        }
        List<Integer> used = new ArrayList<>(valid.keySet()).subList(0, parameters.threshold());
        List<List<Long>> counts = new ArrayList<>();
        for (int c = 0; c < tally.totals().size(); c++) {
            List<Long> row = new ArrayList<>();
            for (int s = 0; s < tally.totals().get(c).size(); s++) {
                GroupElement gt = plaintextElement(group, tally.totals().get(c).get(s), used, valid, c, s);
                OptionalLong t = DiscreteLog.solve(group, gt, bound);
                if (t.isEmpty()) {
                    return new DecryptionOutcome.Failed("the total of selection " + s + " of contest " + c
                            + " is not between 0 and " + bound);
                }
                row.add(t.getAsLong());
            }
            counts.add(row);
        }
        return new DecryptionOutcome.Decrypted(new ElectionResult(counts), List.copyOf(used));
    }

    /** §8.3 eq 46: g^t = B · (Π_{i∈S} Mᵢ^λᵢ)⁻¹. */
    public static GroupElement plaintextElement(Group group, Ciphertext total, List<Integer> used,
                                                Map<Integer, PartialDecryption> partials, int contest, int selection) {
        List<GroupElement> bases = new ArrayList<>();
        List<Scalar> lambdas = new ArrayList<>();
        for (int i : used) {
            bases.add(partials.get(i).shares().get(contest).get(selection).share());
            lambdas.add(Lagrange.coefficient(group, used, i));
        }
        return total.beta().divide(group.product(bases, lambdas));
    }
}
