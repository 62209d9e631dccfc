package org.smolny.count.method;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The drawing of lots, made reproducible: a strict order of all candidates, either supplied as
 * data (for example drawn in the hall before the count) or derived from a published seed as the
 * candidates sorted by SHA-256(seed, 0x00, name). A tie decided by lot goes to the candidate
 * earlier in this order ("wins the lot"); for an exclusion the candidate later in the order is
 * excluded. Anyone with the seed can recompute the order. Immutable.
 */
public final class Lot {
    private final int[] positionOf;
    private final List<String> order;
    private final String source;

    private Lot(List<String> candidates, List<String> order, String source) {
        this.order = List.copyOf(order);
        this.positionOf = new int[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            int p = order.indexOf(candidates.get(i));
            if (p < 0) throw new CountException("the lot order does not list candidate '" + candidates.get(i) + "'");
            positionOf[i] = p;
        }
        if (order.size() != candidates.size()) throw new CountException("the lot order must list each candidate exactly once");
        this.source = source;
    }

    /** The order given as data: every candidate exactly once, the lot winner first. */
    public static Lot ofOrder(List<String> candidates, List<String> order) {
        if (order.stream().distinct().count() != order.size()) throw new CountException("the lot order lists a candidate twice");
        return new Lot(candidates, order, "order supplied as data");
    }

    /** The order derived from {@code seed}. */
    public static Lot ofSeed(List<String> candidates, String seed) {
        List<String> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing((String name) -> digest(seed, name)).thenComparing(Comparator.naturalOrder()));
        return new Lot(candidates, sorted, "SHA-256 of seed '" + seed + "' and each name, ascending");
    }

    private static String digest(String seed, String name) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(seed.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The candidate among {@code tied} that wins the lot (comes first in the order). */
    public int winner(List<Integer> tied) {
        int best = tied.get(0);
        for (int c : tied) if (positionOf[c] < positionOf[best]) best = c;
        return best;
    }

    /** The candidate among {@code tied} that loses the lot (comes last in the order). */
    public int loser(List<Integer> tied) {
        int worst = tied.get(0);
        for (int c : tied) if (positionOf[c] > positionOf[worst]) worst = c;
        return worst;
    }

    /** Position of candidate {@code c} in the order, 0 first. */
    public int position(int c) { return positionOf[c]; }

    public List<String> order() { return order; }

    public String describe() { return "lot order " + String.join(" > ", order) + " (" + source + ")"; }
}
