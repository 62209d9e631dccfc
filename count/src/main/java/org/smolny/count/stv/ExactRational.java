package org.smolny.count.stv;

/** Exact rational arithmetic: no rounding anywhere. */
final class ExactRational implements Arithmetic<Fraction> {
    @Override public Fraction zero() { return Fraction.ZERO; }

    @Override public Fraction ofWhole(long votes) { return Fraction.of(votes); }

    @Override public Fraction add(Fraction a, Fraction b) { return a.plus(b); }

    @Override public Fraction subtract(Fraction a, Fraction b) { return a.minus(b); }

    @Override public Fraction times(Fraction value, long weight) { return value.times(Fraction.of(weight)); }

    @Override public int compare(Fraction a, Fraction b) { return a.compareTo(b); }

    @Override public Fraction transferValue(Fraction surplus, Fraction paperValue, Fraction total) {
        return surplus.times(paperValue).dividedBy(total);
    }

    @Override public Fraction quota(long validWeight, int seats) { return Fraction.of(validWeight / (seats + 1) + 1); }

    @Override public String format(Fraction value) { return value.toString(); }

    @Override public String describe() { return "exact rational numbers (BigInteger fractions), no rounding"; }
}
