package org.smolny.count.report;

import java.util.List;
import java.util.Map;
import org.smolny.count.internal.Json;
import org.smolny.count.rules.ProblemCounts;

/** Writes a {@link CountReport} as JSON; every number of votes is an exact decimal string. Thread-safe. */
public final class ReportJson {
    private ReportJson() { }

    public static String write(CountReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n");
        field(sb, 1, "method", r.method()).append(",\n");
        field(sb, 1, "title", r.title()).append(",\n");
        indent(sb, 1).append("\"seats\": ").append(r.seats()).append(",\n");
        indent(sb, 1).append("\"candidates\": ").append(strings(r.candidates())).append(",\n");
        field(sb, 1, "arithmetic", r.arithmetic()).append(",\n");
        field(sb, 1, "problemBallotRules", r.rules()).append(",\n");
        ProblemCounts p = r.problems();
        indent(sb, 1).append("\"problemBallots\": {")
                .append("\"ballots\": ").append(p.ballots())
                .append(", \"valid\": ").append(p.validBallots())
                .append(", \"validWeight\": ").append(p.validWeight())
                .append(", \"empty\": ").append(p.emptyBallots())
                .append(", \"overvotes\": ").append(p.overvotes())
                .append(", \"exhaustedByOvervote\": ").append(p.exhaustedByOvervote())
                .append(", \"neverCountedOvervote\": ").append(p.neverCountedOvervote())
                .append(", \"rejectedOvervotes\": ").append(p.rejectedOvervotes())
                .append(", \"skippedRanks\": ").append(p.skippedRanks())
                .append(", \"exhaustedBySkippedRanks\": ").append(p.exhaustedBySkippedRanks())
                .append(", \"neverCountedSkippedRanks\": ").append(p.neverCountedSkippedRanks())
                .append(", \"duplicateRankings\": ").append(p.duplicates())
                .append(", \"exhaustedByDuplicate\": ").append(p.exhaustedByDuplicate())
                .append(", \"unknownCandidates\": ").append(p.unknownCandidates())
                .append(", \"rejectedForUnknown\": ").append(p.rejectedForUnknown())
                .append("},\n");
        indent(sb, 1).append("\"rounds\": [");
        for (int i = 0; i < r.rounds().size(); i++) {
            Round round = r.rounds().get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            indent(sb, 2).append("{\"round\": ").append(round.number())
                    .append(", \"action\": ").append(Json.quote(round.action()))
                    .append(", \"rule\": ").append(Json.quote(round.rule()))
                    .append(", \"quota\": ").append(round.quota() == null ? "null" : Json.quote(round.quota()))
                    .append(",\n");
            indent(sb, 3).append("\"tallies\": [");
            for (int t = 0; t < round.tallies().size(); t++) {
                Tally tally = round.tallies().get(t);
                sb.append(t == 0 ? "" : ", ").append("{\"candidate\": ").append(Json.quote(tally.candidate()))
                        .append(", \"votes\": ").append(Json.quote(tally.votes()))
                        .append(", \"status\": ").append(Json.quote(tally.status()));
                if (tally.keep() != null) sb.append(", \"keep\": ").append(Json.quote(tally.keep()));
                sb.append('}');
            }
            sb.append("],\n");
            indent(sb, 3).append("\"elected\": ").append(strings(round.elected()))
                    .append(", \"eliminated\": ").append(strings(round.eliminated()))
                    .append(", \"exhausted\": ").append(Json.quote(round.exhausted()));
            if (!round.exhaustedBy().isEmpty()) {
                sb.append(", \"exhaustedBy\": {");
                int k = 0;
                for (Map.Entry<String, String> e : round.exhaustedBy().entrySet()) {
                    sb.append(k++ == 0 ? "" : ", ").append(Json.quote(e.getKey())).append(": ").append(Json.quote(e.getValue()));
                }
                sb.append('}');
            }
            sb.append(",\n");
            indent(sb, 3).append("\"transfers\": [");
            for (int t = 0; t < round.transfers().size(); t++) {
                Transfer tr = round.transfers().get(t);
                sb.append(t == 0 ? "" : ", ").append("{\"from\": ").append(Json.quote(tr.from()))
                        .append(", \"to\": ").append(Json.quote(tr.to()))
                        .append(", \"transferValue\": ").append(Json.quote(tr.transferValue()))
                        .append(", \"weight\": ").append(tr.weight())
                        .append(", \"votes\": ").append(Json.quote(tr.votes())).append('}');
            }
            sb.append("]}");
        }
        sb.append("\n");
        indent(sb, 1).append("],\n");
        indent(sb, 1).append("\"elected\": ").append(strings(r.elected())).append(",\n");
        indent(sb, 1).append("\"ranking\": ").append(strings(r.ranking())).append(",\n");
        indent(sb, 1).append("\"tieBreaks\": ").append(strings(r.tieBreaks()));
        if (r.pairwise() != null) {
            sb.append(",\n");
            indent(sb, 1).append("\"pairwisePreferences\": ").append(matrix(r.pairwise().preferences())).append(",\n");
            indent(sb, 1).append("\"strongestPaths\": ").append(matrix(r.pairwise().strongestPaths()));
        }
        sb.append("\n}\n");
        return sb.toString();
    }

    private static String matrix(List<List<Long>> m) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('[');
            for (int j = 0; j < m.get(i).size(); j++) sb.append(j == 0 ? "" : ", ").append(m.get(i).get(j));
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static String strings(List<String> list) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) sb.append(i == 0 ? "" : ", ").append(Json.quote(list.get(i)));
        return sb.append(']').toString();
    }

    private static StringBuilder field(StringBuilder sb, int depth, String key, String value) {
        return indent(sb, depth).append(Json.quote(key)).append(": ").append(Json.quote(value));
    }

    private static StringBuilder indent(StringBuilder sb, int depth) {
        return sb.append("  ".repeat(depth));
    }
}
