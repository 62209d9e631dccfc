package org.smolny.count.stv;

import java.util.List;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.method.CountMethod;
import org.smolny.count.method.CountOptions;
import org.smolny.count.report.CountReport;
import org.smolny.count.rules.RankedBallots;

/**
 * STV by the Scottish Local Government Elections Order 2007 (SSI 2007/42), schedule 1, rules 45–52:
 * quota = valid papers ÷ (seats + 1), decimals ignored, plus one; weighted inclusive Gregory
 * transfers with values to five decimal places, any remainder ignored; ties by the most recent
 * preceding stage with unequal votes, then by lot. A weighted ballot counts as that many papers.
 */
public final class ScottishStv implements CountMethod {
    static final GregoryCount.RuleText RULES = new GregoryCount.RuleText(
            "SSI 2007/42 sch.1 r.45-47: first preferences counted, quota ascertained, candidates at or above quota deemed elected",
            "SSI 2007/42 sch.1 r.48-49: all papers of the candidate with the highest surplus transferred at surplus x value / votes, to 5 decimal places",
            "SSI 2007/42 sch.1 r.50-51: candidate with the lowest votes excluded, papers transferred at the value received",
            "SSI 2007/42 sch.1 r.52: continuing candidates equal the vacancies, deemed elected");

    @Override
    public String name() { return "stv-scottish"; }

    @Override
    public CountReport count(BallotBox box, CountOptions options) {
        return StvReports.gregory(name(), box, options, new FixedDecimal(5), RULES);
    }

    /** Counts ballots already put through the problem-ballot rules ({@code names}: every candidate, all standing). */
    public CountReport count(String title, java.util.List<String> names, RankedBallots ballots, CountOptions options) {
        boolean[] present = new boolean[names.size()];
        java.util.Arrays.fill(present, true);
        GregoryCount.Outcome outcome = new GregoryCount<>(ballots, new FixedDecimal(5), options.seats(), options.lot(names), names, present, RULES).run();
        return new CountReport(name(), title, options.seats(), names, new FixedDecimal(5).describe(), options.rules().describe(),
                ballots.problems(), outcome.rounds(), outcome.elected(), java.util.List.of(), outcome.tieBreaks(), null);
    }
}
