package org.smolny.ballot.simulate;

/**
 * What {@link ElectionSimulator} produces: {@code voters} voters, {@code selections} yes/no questions, n trustees with
 * threshold k, some challenged ballots and re-votes, weights from 1 to {@code maxWeight}. Immutable.
 */
public record SimulationParameters(int voters, int selections, int trustees, int threshold, int challenged,
                                   int revotes, long maxWeight, int threads) {
    public SimulationParameters {
        if (voters < 0) {
            throw new IllegalArgumentException("--voters must not be negative");
        }
        if (selections < 1 || selections > 1000) {
            throw new IllegalArgumentException("--selections must be 1 to 1000");
        }
        if (challenged < 0 || challenged > voters || revotes < 0 || revotes > voters) {
            throw new IllegalArgumentException("challenged ballots and re-votes must be 0 to the number of voters");
        }
        if (maxWeight < 1) {
            throw new IllegalArgumentException("the maximum weight must be at least 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    public static SimulationParameters of(int voters, int selections, int trustees, int threshold) {
        return new SimulationParameters(voters, selections, trustees, threshold, Math.min(voters, voters / 100 + 1),
                Math.min(voters, voters / 100 + 1), 1, 2);
    }
}
