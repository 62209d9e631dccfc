package org.smolny.ballot.proof;

import java.security.SecureRandom;
import java.util.Objects;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.Scalar;
import org.smolny.ballot.group.SecretScalar;

/**
 * Proof of knowledge of x with X = g^x (ballot spec §4.1), stored with its commitment h so that it can be batch
 * verified. Also the credential signature of §7.2 (the statement then holds the ballot hash). Immutable.
 */
public record SchnorrProof(GroupElement commitment, Scalar response) {
    public SchnorrProof {
        Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(response, "response");
        if (commitment.group() != response.group()) {
            throw new IllegalArgumentException("commitment and response of different groups");
        }
    }

    // ballot spec §4.1 eq 3–5
    public static SchnorrProof prove(ProofLabel label, ProofContext context, GroupElement publicKey, SecretScalar x,
                                     Transcript extraStatement, SecureRandom random) {
        Group group = context.group();
        SecretScalar u = group.randomSecret(random);
        GroupElement h = group.powerOfGenerator(u);
        Scalar c = challenge(label, context, publicKey, extraStatement, h);
        return new SchnorrProof(h, u.responseTo(c, x));
    }

    static Scalar challenge(ProofLabel label, ProofContext context, GroupElement publicKey, Transcript extra,
                            GroupElement h) {
        Transcript statement = new Transcript().element(publicKey).append(extra);
        return FiatShamir.challenge(label, context, statement, new Transcript().element(h));
    }

    /** The relation h · X^c · g^(−v) = 1 (ballot spec §4.1 eq 6). */
    public Relation relation(ProofLabel label, ProofContext context, GroupElement publicKey, Transcript extraStatement) {
        Group group = context.group();
        Scalar c = challenge(label, context, publicKey, extraStatement, commitment);
        return new Relation(group)
                .term(commitment, group.scalar(1))
                .term(publicKey, c)
                .shared(group.generator(), response.negate());
    }

    public boolean verify(ProofLabel label, ProofContext context, GroupElement publicKey, Transcript extraStatement) {
        return relation(label, context, publicKey, extraStatement).holds();
    }
}
