package org.smolny.council.statutes;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A share of a whole, strictly above zero and at most one (a threshold, a quorum): {@code 0.25} is a quarter.
 *
 * @param value the share, in (0, 1]
 */
public record Share(BigDecimal value) {

    public Share {
        if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a share must be above 0 and at most 1, got " + value);
        }
        value = value.stripTrailingZeros();
    }

    /** Parses a decimal share such as {@code "0.25"}. */
    public static Share of(String decimal) {
        return new Share(new BigDecimal(decimal));
    }

    /** The smallest whole number of people that reaches this share of {@code whole} people (at least one). */
    public int of(int whole) {
        if (whole < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + whole);
        }
        int needed = value.multiply(BigDecimal.valueOf(whole)).setScale(0, RoundingMode.CEILING).intValueExact();
        return Math.max(1, needed);
    }

    /** Whether {@code part} out of {@code whole} reaches this share. */
    public boolean reachedBy(long part, long whole) {
        return whole > 0 && BigDecimal.valueOf(part).compareTo(value.multiply(BigDecimal.valueOf(whole))) >= 0;
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
