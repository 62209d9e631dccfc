package org.smolny.count.report;

/**
 * Votes moved in one round from one candidate to another (or to {@code exhausted}).
 *
 * @param from the candidate whose ballots moved
 * @param to the receiving candidate, or {@code "exhausted"}
 * @param transferValue the value of each ballot paper moved, exact
 * @param weight total weight of the ballots moved (the number of ballot papers when every weight is 1)
 * @param votes votes credited, exact
 */
public record Transfer(String from, String to, String transferValue, long weight, String votes) {
    public Transfer {
        if (from == null || to == null || transferValue == null || votes == null) throw new IllegalArgumentException("transfer fields must be given");
        if (weight < 0) throw new IllegalArgumentException("weight must not be negative");
    }
}
