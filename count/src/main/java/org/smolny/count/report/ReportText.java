package org.smolny.count.report;

import java.util.List;
import org.smolny.count.rules.ProblemCounts;

/** Writes a {@link CountReport} as text for people: the result first, then every round. Thread-safe. */
public final class ReportText {
    private ReportText() { }

    public static String write(CountReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.title().isEmpty() ? "Count" : r.title()).append(" — ").append(r.method()).append(", ")
                .append(r.seats()).append(r.seats() == 1 ? " seat" : " seats").append('\n');
        sb.append("Elected: ").append(r.elected().isEmpty() ? "nobody" : String.join(", ", r.elected())).append('\n');
        if (!r.ranking().isEmpty()) sb.append("Ranking: ").append(String.join(" > ", r.ranking())).append('\n');
        sb.append("Arithmetic: ").append(r.arithmetic()).append('\n');
        sb.append("Problem-ballot rules: ").append(r.rules()).append('\n');
        ProblemCounts p = r.problems();
        sb.append("Ballots: ").append(p.ballots()).append(" read, ").append(p.validBallots()).append(" valid (weight ").append(p.validWeight()).append(")\n");
        sb.append("Problem ballots: empty ").append(p.emptyBallots())
                .append("; overvotes ").append(p.overvotes()).append(" (exhausted ").append(p.exhaustedByOvervote()).append(", ")
                .append(p.neverCountedOvervote()).append(" of them before any choice counted; set aside ").append(p.rejectedOvervotes()).append(")")
                .append("; skipped ranks ").append(p.skippedRanks()).append(" (exhausted ").append(p.exhaustedBySkippedRanks()).append(", ")
                .append(p.neverCountedSkippedRanks()).append(" of them before any choice counted)")
                .append("; duplicate rankings ").append(p.duplicates()).append(" (exhausted ").append(p.exhaustedByDuplicate()).append(")")
                .append("; unknown candidates ").append(p.unknownCandidates()).append(" (set aside ").append(p.rejectedForUnknown()).append(")\n");
        for (Round round : r.rounds()) {
            sb.append('\n').append("Round ").append(round.number()).append(": ").append(round.action()).append('\n');
            sb.append("  Rule: ").append(round.rule()).append('\n');
            if (round.quota() != null) sb.append("  Quota: ").append(round.quota()).append('\n');
            int width = 4;
            for (Tally t : round.tallies()) width = Math.max(width, t.candidate().length());
            for (Tally t : round.tallies()) {
                sb.append("  ").append(pad(t.candidate(), width)).append("  ").append(padLeft(t.votes(), 18)).append("  ").append(t.status());
                if (t.keep() != null) sb.append("  keep ").append(t.keep());
                sb.append('\n');
            }
            for (Transfer tr : round.transfers()) {
                sb.append("  transfer ").append(tr.from()).append(" -> ").append(tr.to()).append(": ").append(tr.weight()).append(" at ")
                        .append(tr.transferValue()).append(" = ").append(tr.votes()).append('\n');
            }
            if (!round.elected().isEmpty()) sb.append("  Elected: ").append(String.join(", ", round.elected())).append('\n');
            if (!round.eliminated().isEmpty()) sb.append("  Excluded: ").append(String.join(", ", round.eliminated())).append('\n');
            sb.append("  Exhausted: ").append(round.exhausted());
            if (!round.exhaustedBy().isEmpty()) {
                List<String> parts = new java.util.ArrayList<>();
                round.exhaustedBy().forEach((reason, votes) -> parts.add(reason + " " + votes));
                sb.append(" (").append(String.join(", ", parts)).append(')');
            }
            sb.append('\n');
        }
        if (!r.tieBreaks().isEmpty()) {
            sb.append("\nTies:\n");
            for (String t : r.tieBreaks()) sb.append("  ").append(t).append('\n');
        }
        if (r.pairwise() != null) {
            sb.append("\nPairwise preferences d[row, column]:\n").append(matrix(r.candidates(), r.pairwise().preferences()));
            sb.append("Strongest paths p[row, column]:\n").append(matrix(r.candidates(), r.pairwise().strongestPaths()));
        }
        return sb.toString();
    }

    private static String matrix(List<String> names, List<List<Long>> m) {
        StringBuilder sb = new StringBuilder();
        int width = 6;
        for (String n : names) width = Math.max(width, n.length());
        sb.append("  ").append(pad("", width));
        for (String n : names) sb.append("  ").append(padLeft(n, width));
        sb.append('\n');
        for (int i = 0; i < names.size(); i++) {
            sb.append("  ").append(pad(names.get(i), width));
            for (int j = 0; j < names.size(); j++) sb.append("  ").append(padLeft(i == j ? "-" : Long.toString(m.get(i).get(j)), width));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int w) { return s + " ".repeat(Math.max(0, w - s.length())); }

    private static String padLeft(String s, int w) { return " ".repeat(Math.max(0, w - s.length())) + s; }
}
