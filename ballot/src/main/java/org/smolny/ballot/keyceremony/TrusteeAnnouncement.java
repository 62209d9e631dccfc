package org.smolny.ballot.keyceremony;

import java.util.List;
import java.util.Objects;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.proof.ProofLabel;
import org.smolny.ballot.proof.Relation;
import org.smolny.ballot.proof.SchnorrProof;
import org.smolny.ballot.proof.Transcript;

/**
 * What trustee i publishes first (ballot spec §6.2): its share-transport key Tᵢ with a Schnorr proof, and the
 * Feldman commitments Cᵢ,ₗ = g^aᵢ,ₗ to its polynomial's k coefficients, each with a Schnorr proof. Immutable.
 */
public record TrusteeAnnouncement(int index, GroupElement transportKey, SchnorrProof transportProof,
                                  List<GroupElement> commitments, List<SchnorrProof> coefficientProofs) {
    public TrusteeAnnouncement {
        Objects.requireNonNull(transportKey, "transportKey");
        Objects.requireNonNull(transportProof, "transportProof");
        commitments = List.copyOf(commitments);
        coefficientProofs = List.copyOf(coefficientProofs);
        if (commitments.isEmpty() || commitments.size() != coefficientProofs.size()) {
            throw new IllegalArgumentException("trustee " + index + ": one Schnorr proof per commitment is needed");
        }
    }

    static Transcript transportStatement(int index) {
        return new Transcript().integer(index);
    }

    static Transcript coefficientStatement(int index, int coefficient) {
        return new Transcript().integer(index).integer(coefficient);
    }

    /** The relations of every Schnorr proof in the announcement (ballot spec §6.2 eq 28–29). */
    public List<Relation> proofRelations(ProofContext context) {
        java.util.ArrayList<Relation> out = new java.util.ArrayList<>();
        out.add(transportProof.relation(ProofLabel.TRANSPORT_KEY, context, transportKey, transportStatement(index)));
        for (int l = 0; l < commitments.size(); l++) {
            out.add(coefficientProofs.get(l).relation(ProofLabel.COEFFICIENT, context, commitments.get(l),
                    coefficientStatement(index, l)));
        }
        return out;
    }

    /** True if every Schnorr proof holds (one at a time). */
    public boolean proofsHold(ProofContext context) {
        return proofRelations(context).stream().allMatch(Relation::holds);
    }
}
