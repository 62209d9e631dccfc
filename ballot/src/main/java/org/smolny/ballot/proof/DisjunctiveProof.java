package org.smolny.ballot.proof;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.Scalar;
import org.smolny.ballot.group.SecretScalar;

/**
 * Proof that a ciphertext (A, B) under key K encrypts one of the allowed values m₀ … m_t (ballot spec §4.3): a
 * disjunction of Chaum–Pedersen proofs, one branch per allowed value, each stored with its commitments (aⱼ, bⱼ), its
 * challenge cⱼ and its response vⱼ. The 0/1 proof of a selection is the case {0, 1}; the range proof of a contest is
 * {0, …, L} or {L}. Immutable.
 */
public record DisjunctiveProof(List<Branch> branches) {

    /** One branch j: commitments aⱼ, bⱼ, challenge cⱼ, response vⱼ. */
    public record Branch(GroupElement commitmentA, GroupElement commitmentB, Scalar challenge, Scalar response) {
        public Branch {
            Objects.requireNonNull(commitmentA, "commitmentA");
            Objects.requireNonNull(commitmentB, "commitmentB");
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(response, "response");
        }
    }

    public DisjunctiveProof {
        branches = List.copyOf(branches);
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("a disjunctive proof has at least one branch");
        }
    }

    // ballot spec §4.3 eq 12–16
    public static DisjunctiveProof prove(ProofLabel label, ProofContext context, ElectionPublicKey key,
                                         Ciphertext ciphertext, List<Long> allowed, long plaintext, SecretScalar nonce,
                                         Transcript extraStatement, SecureRandom random) {
        Group group = context.group();
        int real = allowed.indexOf(plaintext);
        if (real < 0) {
            throw new IllegalArgumentException("the plaintext " + plaintext + " is not among the allowed values");
        }
        GroupElement g = group.generator();
        GroupElement k = key.element();
        GroupElement[] a = new GroupElement[allowed.size()];
        GroupElement[] b = new GroupElement[allowed.size()];
        Scalar[] c = new Scalar[allowed.size()];
        Scalar[] v = new Scalar[allowed.size()];
        SecretScalar u = group.randomSecret(random);
        for (int j = 0; j < allowed.size(); j++) {
            if (j == real) {
                a[j] = group.powerOfGenerator(u);
                b[j] = k.power(u);
            } else {
                c[j] = group.randomScalar(random);
                v[j] = group.randomScalar(random);
                Scalar minusC = c[j].negate();
                a[j] = group.product(List.of(g, ciphertext.alpha()), List.of(v[j], minusC));
                GroupElement shifted = ciphertext.beta().divide(group.powerOfGenerator(group.scalar(allowed.get(j))));
                b[j] = group.product(List.of(k, shifted), List.of(v[j], minusC));
            }
        }
        Scalar total = challenge(label, context, key, ciphertext, allowed, extraStatement, a, b);
        Scalar rest = group.scalar(0);
        for (int j = 0; j < allowed.size(); j++) {
            if (j != real) {
                rest = rest.add(c[j]);
            }
        }
        c[real] = total.subtract(rest);
        v[real] = u.responseTo(c[real], nonce);
        List<Branch> out = new ArrayList<>(allowed.size());
        for (int j = 0; j < allowed.size(); j++) {
            out.add(new Branch(a[j], b[j], c[j], v[j]));
        }
        return new DisjunctiveProof(out);
    }

    private static Scalar challenge(ProofLabel label, ProofContext context, ElectionPublicKey key, Ciphertext ct,
                                    List<Long> allowed, Transcript extra, GroupElement[] a, GroupElement[] b) {
        Transcript statement = new Transcript().element(key.element()).element(ct.alpha()).element(ct.beta());
        for (long m : allowed) {
            statement.integer(m);
        }
        statement.append(extra);
        Transcript commitments = new Transcript();
        for (int j = 0; j < a.length; j++) {
            commitments.element(a[j]).element(b[j]);
        }
        return FiatShamir.challenge(label, context, statement, commitments);
    }

    /**
     * Checks Σ cⱼ = c (ballot spec §4.3 eq 17) and returns the relations of eq 18–19, or empty if the challenges do not
     * add up or the number of branches differs from the number of allowed values.
     */
    public Optional<List<Relation>> relations(ProofLabel label, ProofContext context, ElectionPublicKey key,
                                    Ciphertext ciphertext, List<Long> allowed, Transcript extraStatement) {
        Group group = context.group();
        if (branches.size() != allowed.size()) {
            return Optional.empty();
        }
        GroupElement[] a = new GroupElement[branches.size()];
        GroupElement[] b = new GroupElement[branches.size()];
        Scalar sum = group.scalar(0);
        for (int j = 0; j < branches.size(); j++) {
            a[j] = branches.get(j).commitmentA();
            b[j] = branches.get(j).commitmentB();
            sum = sum.add(branches.get(j).challenge());
        }
        Scalar c = challenge(label, context, key, ciphertext, allowed, extraStatement, a, b);
        if (!c.equals(sum)) {
            return Optional.empty();
        }
        Scalar one = group.scalar(1);
        List<Relation> relations = new ArrayList<>(2 * branches.size());
        for (int j = 0; j < branches.size(); j++) {
            Branch br = branches.get(j);
            Scalar minusV = br.response().negate();
            // eq 18: aⱼ · A^cⱼ · g^(−vⱼ) = 1
            relations.add(new Relation(group).term(a[j], one).term(ciphertext.alpha(), br.challenge())
                    .shared(group.generator(), minusV));
            // eq 19: bⱼ · B^cⱼ · g^(−mⱼ·cⱼ) · K^(−vⱼ) = 1
            relations.add(new Relation(group).term(b[j], one).term(ciphertext.beta(), br.challenge())
                    .shared(group.generator(), group.scalar(allowed.get(j)).multiply(br.challenge()).negate())
                    .shared(key.element(), minusV));
        }
        return Optional.of(relations);
    }

    public boolean verify(ProofLabel label, ProofContext context, ElectionPublicKey key, Ciphertext ciphertext,
                          List<Long> allowed, Transcript extraStatement) {
        return relations(label, context, key, ciphertext, allowed, extraStatement)
                .map(rs -> rs.stream().allMatch(Relation::holds))
                .orElse(false);
    }
}
