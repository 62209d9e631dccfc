package org.smolny.count.stv;

import java.util.List;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.method.CountOptions;
import org.smolny.count.report.CountReport;
import org.smolny.count.rules.RankedBallots;

/** Runs a Gregory count and wraps its outcome in a report. */
final class StvReports {
    private StvReports() { }

    static <V> CountReport gregory(String method, BallotBox box, CountOptions options, Arithmetic<V> arithmetic, GregoryCount.RuleText rules) {
        RankedBallots ranked = RankedBallots.from(box, options.rules());
        boolean[] present = present(box);
        GregoryCount.Outcome outcome = new GregoryCount<>(ranked, arithmetic, options.seats(), options.lot(box.candidates()),
                box.candidates(), present, rules).run();
        return new CountReport(method, box.title(), options.seats(), box.candidates(), arithmetic.describe(), options.rules().describe(),
                ranked.problems(), outcome.rounds(), outcome.elected(), List.of(), outcome.tieBreaks(), null);
    }

    static boolean[] present(BallotBox box) {
        boolean[] present = new boolean[box.candidates().size()];
        for (int c = 0; c < present.length; c++) present[c] = !box.withdrawn().contains(c);
        return present;
    }
}
