package org.smolny.ballot.proof;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;

/**
 * Checks many relations at once (ballot spec §9.2): each relation Π Pᵢ^eᵢ = 1 is raised to a fresh random 128-bit
 * coefficient ρ from SecureRandom, and the product of all of them is computed as one multi-scalar multiplication
 * (evaluated in chunks of {@code chunkTerms} terms whose partial results are multiplied together). If every relation
 * holds the product is 1; if any fails, it is 1 with probability at most 2⁻¹²⁸. Not thread-safe: use one per thread
 * and {@link #merge} them.
 */
public final class BatchVerifier {
    private static final int COEFFICIENT_BITS = 128;

    private final Group group;
    private final SecureRandom random;
    private final int chunkTerms;
    private final int threads;
    private final Map<GroupElement, BigInteger> sharedExponents = new IdentityHashMap<>();
    private final List<GroupElement> bases = new ArrayList<>();
    private final List<BigInteger> exponents = new ArrayList<>();
    private GroupElement accumulated;
    private long relations;

    public BatchVerifier(Group group, SecureRandom random, int chunkTerms, int threads) {
        this.group = group;
        this.random = random;
        this.chunkTerms = chunkTerms;
        this.threads = threads;
        this.accumulated = group.identity();
    }

    public BatchVerifier(Group group, SecureRandom random) {
        this(group, random, 1 << 20, 1);
    }

    /** Adds relation^ρ for a fresh random ρ (ballot spec §9.2 eq 47). */
    public void add(Relation relation) {
        addAll(List.of(relation));
    }

    /**
     * Adds each relation of one proof raised to its own fresh ρ; terms with the same base object (the ciphertext that
     * appears in every branch) are merged into one term (ballot spec §9.2 eq 48).
     */
    public void addAll(List<Relation> proofRelations) {
        BigInteger q = group.order();
        List<GroupElement> localBases = new ArrayList<>(8);
        List<BigInteger> localExponents = new ArrayList<>(8);
        for (Relation relation : proofRelations) {
            if (relation.group() != group) {
                throw new IllegalArgumentException("relation of another group");
            }
            BigInteger rho = coefficient();
            for (Relation.Term t : relation.terms()) {
                BigInteger e = t.exponent().value();
                BigInteger scaled = e.equals(BigInteger.ONE) ? rho : rho.multiply(e).mod(q);
                if (t.shared()) {
                    sharedExponents.merge(t.base(), scaled, (x, y) -> x.add(y).mod(q));
                    continue;
                }
                int at = indexOfSame(localBases, t.base());
                if (at < 0) {
                    localBases.add(t.base());
                    localExponents.add(scaled);
                } else {
                    localExponents.set(at, localExponents.get(at).add(scaled).mod(q));
                }
            }
            relations++;
        }
        for (int i = 0; i < localBases.size(); i++) {
            if (localExponents.get(i).signum() != 0) {
                bases.add(localBases.get(i));
                exponents.add(localExponents.get(i));
            }
        }
        if (bases.size() >= chunkTerms) {
            flush();
        }
    }

    private static int indexOfSame(List<GroupElement> list, GroupElement element) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == element) {
                return i;
            }
        }
        return -1;
    }

    /** Moves the relations of another batch (e.g. one filled by another thread) into this one. */
    public void merge(BatchVerifier other) {
        other.flush();
        accumulated = accumulated.multiply(other.accumulated);
        BigInteger q = group.order();
        other.sharedExponents.forEach((base, e) -> sharedExponents.merge(base, e, (x, y) -> x.add(y).mod(q)));
        relations += other.relations;
        other.accumulated = group.identity();
        other.sharedExponents.clear();
        other.relations = 0;
    }

    public long relations() {
        return relations;
    }

    /** True if the random linear combination of every relation added is the identity. */
    public boolean verify() {
        sharedExponents.forEach((base, e) -> {
            bases.add(base);
            exponents.add(e);
        });
        sharedExponents.clear();
        flush();
        return accumulated.isIdentity();
    }

    private void flush() {
        if (!bases.isEmpty()) {
            accumulated = accumulated.multiply(group.multiPower(bases, exponents, threads));
            bases.clear();
            exponents.clear();
        }
    }

    private BigInteger coefficient() {
        BigInteger rho;
        do {
            rho = new BigInteger(COEFFICIENT_BITS, random);
        } while (rho.signum() == 0);
        return rho;
    }
}
