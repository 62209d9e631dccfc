package org.smolny.ballot.proof;

import java.util.ArrayList;
import java.util.List;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.Scalar;

/**
 * A verification equation Π baseᵢ^exponentᵢ = 1 (ballot spec §9.1). Every proof reduces to a few relations, which
 * are checked one at a time or added to a {@link BatchVerifier}. Terms marked shared (g, the joint key, a trustee's
 * key) are merged across relations in a batch. Not thread-safe.
 */
public final class Relation {
    record Term(GroupElement base, Scalar exponent, boolean shared) {
    }

    private final Group group;
    private final List<Term> terms = new ArrayList<>(4);

    public Relation(Group group) {
        this.group = group;
    }

    public Relation term(GroupElement base, Scalar exponent) {
        terms.add(new Term(base, exponent, false));
        return this;
    }

    /** A term whose base recurs in many relations (g, the joint public key). */
    public Relation shared(GroupElement base, Scalar exponent) {
        terms.add(new Term(base, exponent, true));
        return this;
    }

    List<Term> terms() {
        return terms;
    }

    Group group() {
        return group;
    }

    /** Evaluates the relation on its own (the one-at-a-time check). */
    public boolean holds() {
        List<GroupElement> bases = new ArrayList<>(terms.size());
        List<Scalar> exponents = new ArrayList<>(terms.size());
        for (Term t : terms) {
            bases.add(t.base());
            exponents.add(t.exponent());
        }
        return group.product(bases, exponents).isIdentity();
    }
}
