package org.smolny.count.report;

/**
 * Votes moved in one round from one candidate to another (or to {@code exhausted}).
 *
 * @param from the candidate whose ballots moved
 * @param to the receiving candidate, or {@code "exhausted"}
 * @param transferValue the value of each ballot paper moved, exact
 * @param papers number of ballot papers moved
 * @param votes votes credited, exact
 */
public record Transfer(String from, String to, String transferValue, long papers, String votes) {
    public Transfer {
        if (from == null || to == null || transferValue == null || votes == null) throw new IllegalArgumentException("transfer fields must be given");
        if (papers < 0) throw new IllegalArgumentException("papers must not be negative");
    }
}
