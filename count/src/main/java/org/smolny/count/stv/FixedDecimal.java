package org.smolny.count.stv;

import java.math.BigInteger;

/**
 * Decimals with {@code places} places held as a long count of units (10^-places), products
 * truncated ("any remainder being ignored"). Overflow is detected: a product that does not fit
 * is computed with BigInteger, and a result that does not fit is an error rather than a wrong number.
 */
final class FixedDecimal implements Arithmetic<Long> {
    private final int places;
    private final long unit;

    FixedDecimal(int places) {
        this.places = places;
        long u = 1;
        for (int i = 0; i < places; i++) u *= 10;
        this.unit = u;
    }

    long unit() { return unit; }

    @Override public Long zero() { return 0L; }

    @Override public Long ofWhole(long votes) { return Math.multiplyExact(votes, unit); }

    @Override public Long add(Long a, Long b) { return Math.addExact(a, b); }

    @Override public Long subtract(Long a, Long b) { return Math.subtractExact(a, b); }

    @Override public Long times(Long value, long weight) { return Math.multiplyExact(value, weight); }

    @Override public int compare(Long a, Long b) { return Long.compare(a, b); }

    @Override
    public Long transferValue(Long surplus, Long paperValue, Long total) {
        // (surplus × value) / total, all in units: the result is in units, truncated.
        long hi = Math.multiplyHigh(surplus, paperValue);
        long lo = surplus * paperValue;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo / total;
        return BigInteger.valueOf(surplus).multiply(BigInteger.valueOf(paperValue)).divide(BigInteger.valueOf(total)).longValueExact();
    }

    @Override
    public Long quota(long validWeight, int seats) {
        // SSI 2007/42 sch.1 r.46: valid papers ÷ (seats + 1), decimals ignored, plus one.
        return ofWhole(validWeight / (seats + 1) + 1);
    }

    @Override
    public String format(Long value) {
        long v = value;
        String sign = v < 0 ? "-" : "";
        v = Math.abs(v);
        String frac = Long.toString(v % unit);
        while (frac.length() < places) frac = "0" + frac;
        return sign + (v / unit) + "." + frac;
    }

    @Override
    public String describe() {
        return "decimal fixed point, " + places + " places, transfer values truncated (any remainder ignored)";
    }
}
