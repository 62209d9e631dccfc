package org.smolny.count.method;

import org.smolny.count.ballot.BallotBox;
import org.smolny.count.report.CountReport;

/** A counting method. Implementations are stateless and thread-safe. */
public interface CountMethod {
    /** The method's name as the CLI spells it ({@code stv-scottish}, {@code irv}, ...). */
    String name();

    /**
     * Counts {@code box} with {@code options}.
     *
     * @throws CountException when the ballots cannot be counted by this method with these options
     */
    CountReport count(BallotBox box, CountOptions options);
}
