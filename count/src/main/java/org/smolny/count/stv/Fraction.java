package org.smolny.count.stv;

import java.math.BigInteger;

/** An exact rational number in lowest terms with a positive denominator. */
record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {
    static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

    Fraction {
        if (denominator.signum() == 0) throw new ArithmeticException("zero denominator");
        if (denominator.signum() < 0) { numerator = numerator.negate(); denominator = denominator.negate(); }
        BigInteger g = numerator.gcd(denominator);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) { numerator = numerator.divide(g); denominator = denominator.divide(g); }
        if (numerator.signum() == 0) denominator = BigInteger.ONE;
    }

    static Fraction of(long whole) { return new Fraction(BigInteger.valueOf(whole), BigInteger.ONE); }

    Fraction plus(Fraction o) {
        return new Fraction(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)), denominator.multiply(o.denominator));
    }

    Fraction minus(Fraction o) {
        return new Fraction(numerator.multiply(o.denominator).subtract(o.numerator.multiply(denominator)), denominator.multiply(o.denominator));
    }

    Fraction times(Fraction o) { return new Fraction(numerator.multiply(o.numerator), denominator.multiply(o.denominator)); }

    Fraction dividedBy(Fraction o) { return new Fraction(numerator.multiply(o.denominator), denominator.multiply(o.numerator)); }

    @Override
    public int compareTo(Fraction o) { return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator)); }

    @Override
    public String toString() { return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator; }
}
