package org.smolny.count.stv;

/**
 * The arithmetic a Gregory-method count prescribes. Values are exact: either decimals with a
 * fixed number of places (truncated where the rules say so) or rational numbers. No floating point.
 *
 * @param <V> the value type
 */
interface Arithmetic<V> {
    V zero();

    V ofWhole(long votes);

    V add(V a, V b);

    V subtract(V a, V b);

    V times(V value, long weight);

    int compare(V a, V b);

    /** The value of a ballot paper after a surplus transfer: surplus × paperValue ÷ total, per the rule's rounding. */
    V transferValue(V surplus, V paperValue, V total);

    /** The quota for {@code validWeight} valid votes and {@code seats} seats. */
    V quota(long validWeight, int seats);

    String format(V value);

    String describe();
}
