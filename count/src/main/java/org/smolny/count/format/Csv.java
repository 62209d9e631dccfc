package org.smolny.count.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.smolny.count.ballot.Ballot;
import org.smolny.count.ballot.BallotBox;

/**
 * A generic CSV (RFC 4180 quoting) with one ballot per row:
 * <pre>
 * #title,Executive committee       optional directives, before the header
 * #seats,3
 * #candidates,Alice,Bob,Carol       declares the candidates; a name not declared is an unknown candidate
 * weight,1,2,3                      header: an optional "weight" column, then one column per rank
 * 12,Alice,Carol,                   empty cell: skipped rank
 * 1,Bob|Carol,Alice,                "Bob|Carol": two candidates at one rank
 * </pre>
 * Without {@code #candidates}, the candidates are the names met, in order of first appearance.
 * Other lines starting with {@code #} before the header are comments. Thread-safe (stateless).
 */
public final class Csv {
    private Csv() { }

    public static BallotBox read(String text) {
        String[] lines = text.split("\r?\n", -1);
        String title = "";
        int seats = 0;
        List<String> declared = null;
        int i = 0;
        List<String> header = null;
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            if (line.startsWith("#")) {
                List<String> cells = cells(line.substring(1), i + 1);
                String key = cells.get(0).trim().toLowerCase();
                switch (key) {
                    case "title" -> title = cells.size() > 1 ? String.join(",", cells.subList(1, cells.size())) : "";
                    case "seats" -> {
                        if (cells.size() != 2) throw new BallotFileException(i + 1, "#seats takes one number");
                        try { seats = Integer.parseInt(cells.get(1).trim()); } catch (NumberFormatException e) { throw new BallotFileException(i + 1, "#seats must be a whole number, found '" + cells.get(1) + "'"); }
                        if (seats <= 0) throw new BallotFileException(i + 1, "#seats must be positive");
                    }
                    case "candidates" -> {
                        declared = new ArrayList<>();
                        for (String c : cells.subList(1, cells.size())) {
                            String name = c.trim();
                            if (name.isEmpty()) throw new BallotFileException(i + 1, "#candidates lists an empty name");
                            if (declared.contains(name)) throw new BallotFileException(i + 1, "#candidates lists '" + name + "' twice");
                            declared.add(name);
                        }
                    }
                    default -> { }
                }
                continue;
            }
            header = cells(line, i + 1);
            i++;
            break;
        }
        if (header == null) throw new BallotFileException(0, "the file has no header row (for example 'weight,1,2,3')");
        int weightColumn = -1;
        for (int c = 0; c < header.size(); c++) if (header.get(c).trim().equalsIgnoreCase("weight")) weightColumn = c;
        List<String> names = declared == null ? new ArrayList<>() : declared;
        boolean open = declared == null;
        List<Ballot> ballots = new ArrayList<>();
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) continue;
            List<String> cells = cells(line, i + 1);
            if (cells.size() != header.size()) throw new BallotFileException(i + 1, "expected " + header.size() + " cells as in the header, found " + cells.size());
            long weight = 1;
            if (weightColumn >= 0) {
                String w = cells.get(weightColumn).trim();
                try { weight = Long.parseLong(w); } catch (NumberFormatException e) { throw new BallotFileException(i + 1, "weight must be a whole number, found '" + w + "'"); }
                if (weight <= 0) throw new BallotFileException(i + 1, "weight must be positive, found " + weight);
            }
            List<int[]> ranks = new ArrayList<>();
            for (int c = 0; c < cells.size(); c++) {
                if (c == weightColumn) continue;
                String cell = cells.get(c).trim();
                if (cell.isEmpty()) { ranks.add(new int[0]); continue; }
                String[] parts = cell.split("\\|", -1);
                int[] rank = new int[parts.length];
                for (int p = 0; p < parts.length; p++) {
                    String name = parts[p].trim();
                    if (name.isEmpty()) throw new BallotFileException(i + 1, "an empty name in '" + cell + "'");
                    int idx = names.indexOf(name);
                    if (idx < 0 && open) { names.add(name); idx = names.size() - 1; }
                    rank[p] = idx < 0 ? Ballot.UNKNOWN : idx;
                }
                ranks.add(rank);
            }
            while (!ranks.isEmpty() && ranks.get(ranks.size() - 1).length == 0) ranks.remove(ranks.size() - 1);
            ballots.add(new Ballot(weight, ranks.toArray(new int[0][]), i + 1));
        }
        if (names.isEmpty()) throw new BallotFileException(0, "no candidates: declare them with #candidates or name them on ballots");
        return new BallotBox(title, names, Set.of(), seats, ballots);
    }

    public static String write(BallotBox box, int seats) {
        if (!box.withdrawn().isEmpty()) throw new IllegalArgumentException("the CSV format has no withdrawn candidates; remove them first");
        StringBuilder sb = new StringBuilder();
        sb.append("#title,").append(cell(box.title())).append('\n');
        sb.append("#seats,").append(seats).append('\n');
        sb.append("#candidates");
        for (String c : box.candidates()) {
            if (c.indexOf('|') >= 0) throw new IllegalArgumentException("a candidate name in CSV cannot contain '|': " + c);
            sb.append(',').append(cell(c));
        }
        sb.append('\n');
        int width = 1;
        for (Ballot b : box.ballots()) width = Math.max(width, b.rankCount());
        sb.append("weight");
        for (int r = 1; r <= width; r++) sb.append(',').append(r);
        sb.append('\n');
        for (Ballot b : box.ballots()) {
            sb.append(b.weight());
            for (int r = 0; r < width; r++) {
                sb.append(',');
                if (r >= b.rankCount()) continue;
                List<String> names = new ArrayList<>();
                for (int m = 0; m < b.markCount(r); m++) {
                    int c = b.mark(r, m);
                    if (c == Ballot.UNKNOWN) throw new IllegalArgumentException("CSV cannot name an unknown candidate");
                    names.add(box.candidates().get(c));
                }
                sb.append(cell(String.join("|", names)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cell(String s) {
        if (s.isEmpty() || s.matches("[^,\"\\r\\n]*") && !s.startsWith(" ") && !s.endsWith(" ")) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Splits one CSV line into cells (RFC 4180 quoting within the line). */
    static List<String> cells(String line, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int p = 0; p < line.length(); p++) {
            char c = line.charAt(p);
            if (quoted) {
                if (c == '"') {
                    if (p + 1 < line.length() && line.charAt(p + 1) == '"') { sb.append('"'); p++; }
                    else quoted = false;
                } else sb.append(c);
            } else if (c == '"') {
                if (sb.length() > 0 && !sb.toString().isBlank()) throw new BallotFileException(lineNo, "a double quote in the middle of a cell");
                sb.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                out.add(sb.toString());
                sb.setLength(0);
                wasQuoted = false;
            } else {
                if (wasQuoted && !Character.isWhitespace(c)) throw new BallotFileException(lineNo, "text after a closing double quote");
                sb.append(c);
            }
        }
        if (quoted) throw new BallotFileException(lineNo, "unterminated double quote");
        out.add(sb.toString());
        return out;
    }
}
