package org.smolny.ballot.proof;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.Scalar;
import org.smolny.ballot.group.SecretScalar;

/**
 * Proof that log_g X = log_A M (ballot spec §4.2): a trustee's partial decryption M = A^x matches its key X = g^x.
 * Stored with its commitments a = g^u and b = A^u. Immutable.
 */
public record ChaumPedersenProof(GroupElement commitmentG, GroupElement commitmentA, Scalar response) {
    public ChaumPedersenProof {
        Objects.requireNonNull(commitmentG, "commitmentG");
        Objects.requireNonNull(commitmentA, "commitmentA");
        Objects.requireNonNull(response, "response");
    }

    // ballot spec §4.2 eq 7–9
    public static ChaumPedersenProof prove(ProofContext context, GroupElement key, GroupElement base,
                                           GroupElement result, SecretScalar x, Transcript extraStatement,
                                           SecureRandom random) {
        Group group = context.group();
        SecretScalar u = group.randomSecret(random);
        GroupElement a = group.powerOfGenerator(u);
        GroupElement b = base.power(u);
        Scalar c = challenge(context, key, base, result, extraStatement, a, b);
        return new ChaumPedersenProof(a, b, u.responseTo(c, x));
    }

    private static Scalar challenge(ProofContext context, GroupElement key, GroupElement base, GroupElement result,
                                    Transcript extra, GroupElement a, GroupElement b) {
        Transcript statement = new Transcript().element(key).element(base).element(result).append(extra);
        return FiatShamir.challenge(ProofLabel.PARTIAL_DECRYPTION, context, statement,
                new Transcript().element(a).element(b));
    }

    /** a · X^c · g^(−v) = 1 and b · M^c · A^(−v) = 1 (ballot spec §4.2 eq 10–11). */
    public List<Relation> relations(ProofContext context, GroupElement key, GroupElement base, GroupElement result,
                                    Transcript extraStatement) {
        Group group = context.group();
        Scalar c = challenge(context, key, base, result, extraStatement, commitmentG, commitmentA);
        Scalar minusV = response.negate();
        Scalar one = group.scalar(1);
        return List.of(
                new Relation(group).term(commitmentG, one).term(key, c).shared(group.generator(), minusV),
                new Relation(group).term(commitmentA, one).term(result, c).term(base, minusV));
    }

    public boolean verify(ProofContext context, GroupElement key, GroupElement base, GroupElement result,
                          Transcript extraStatement) {
        return relations(context, key, base, result, extraStatement).stream().allMatch(Relation::holds);
    }
}
