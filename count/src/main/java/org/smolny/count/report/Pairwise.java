package org.smolny.count.report;

import java.util.List;

/**
 * Schulze's matrices, rows and columns in candidate order.
 *
 * @param preferences {@code d[i][j]}: weight of ballots ranking i above j
 * @param strongestPaths {@code p[i][j]}: strength of the strongest path from i to j (winning votes)
 */
public record Pairwise(List<List<Long>> preferences, List<List<Long>> strongestPaths) {
    public Pairwise {
        preferences = preferences.stream().map(List::copyOf).toList();
        strongestPaths = strongestPaths.stream().map(List::copyOf).toList();
    }
}
