package org.smolny.count.stv;

import org.smolny.count.ballot.BallotBox;
import org.smolny.count.method.CountMethod;
import org.smolny.count.method.CountOptions;
import org.smolny.count.report.CountReport;

/**
 * STV by the weighted inclusive Gregory method with exact rational arithmetic: the stages, quota
 * and tie rules of the Scottish order, but transfer values kept as exact fractions, so no vote is
 * lost to rounding.
 */
public final class WigmStv implements CountMethod {
    private static final GregoryCount.RuleText RULES = new GregoryCount.RuleText(
            "WIGM: first preferences counted, Droop quota floor(votes/(seats+1))+1, candidates at or above quota elected",
            "WIGM: all papers of the candidate with the highest surplus transferred at exactly surplus x value / votes",
            "WIGM: candidate with the lowest votes excluded, papers transferred at the value received",
            "WIGM: continuing candidates equal the vacancies, elected");

    @Override
    public String name() { return "stv-wigm"; }

    @Override
    public CountReport count(BallotBox box, CountOptions options) {
        return StvReports.gregory(name(), box, options, new ExactRational(), RULES);
    }
}
