package org.smolny.count.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.smolny.count.ballot.Ballot;
import org.smolny.count.ballot.BallotBox;

/**
 * The BLT ballot format of OpenSTV and Droop:
 * <pre>
 * 4 2            candidates, seats
 * -2             optional: withdrawn candidates as negative numbers
 * 3 1 3 4 0      weight, preferences by candidate number (1-based), 0 ends the ballot
 * 1 2=3 - 4 0    "2=3": two candidates at one rank; "-": a skipped rank
 * 0              end of ballots
 * "Alice"        one quoted name per candidate
 * ...
 * "Title"
 * </pre>
 * A ballot may start with an id in parentheses, which is ignored. A candidate number above the
 * number of candidates is read as a mark for an unknown candidate. Weights are positive integers.
 * Thread-safe (stateless).
 */
public final class Blt {
    private Blt() { }

    public static BallotBox read(String text) {
        String[] lines = text.split("\r?\n", -1);
        int i = 0;
        i = skipBlank(lines, i);
        if (i >= lines.length) throw new BallotFileException(0, "the file is empty; a BLT file starts with 'candidates seats'");
        String[] head = tokens(lines[i]);
        if (head.length != 2) throw new BallotFileException(i + 1, "the first line must be 'candidates seats', found '" + lines[i].trim() + "'");
        int candidates = positiveInt(head[0], i + 1, "number of candidates");
        int seats = positiveInt(head[1], i + 1, "number of seats");
        i++;
        Set<Integer> withdrawn = new LinkedHashSet<>();
        i = skipBlank(lines, i);
        if (i < lines.length && lines[i].trim().startsWith("-") && !lines[i].trim().startsWith("- ")) {
            for (String t : tokens(lines[i])) {
                int w;
                try { w = Integer.parseInt(t); } catch (NumberFormatException e) { throw new BallotFileException(i + 1, "withdrawn candidates must be negative numbers, found '" + t + "'"); }
                if (w >= 0 || -w > candidates) throw new BallotFileException(i + 1, "withdrawn candidate " + t + " is not between -1 and -" + candidates);
                withdrawn.add(-w - 1);
            }
            i++;
        }
        List<Ballot> ballots = new ArrayList<>();
        boolean ended = false;
        for (; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) continue;
            String[] t = tokens(line);
            int k = 0;
            if (t[0].startsWith("(")) {
                if (!t[0].endsWith(")")) throw new BallotFileException(i + 1, "a ballot id must be one word in parentheses");
                k = 1;
                if (t.length == 1) throw new BallotFileException(i + 1, "a ballot id without a ballot");
            }
            if (t.length == k + 1 && t[k].equals("0")) { ended = true; i++; break; }
            long weight;
            try { weight = Long.parseLong(t[k]); } catch (NumberFormatException e) { throw new BallotFileException(i + 1, "ballot weight must be a whole number, found '" + t[k] + "'"); }
            if (weight <= 0) throw new BallotFileException(i + 1, "ballot weight must be positive, found " + weight);
            if (!t[t.length - 1].equals("0")) throw new BallotFileException(i + 1, "a ballot must end with 0");
            List<int[]> ranks = new ArrayList<>();
            for (int j = k + 1; j < t.length - 1; j++) {
                if (t[j].equals("-")) { ranks.add(new int[0]); continue; }
                String[] parts = t[j].split("=", -1);
                int[] rank = new int[parts.length];
                for (int p = 0; p < parts.length; p++) {
                    int c;
                    try { c = Integer.parseInt(parts[p]); } catch (NumberFormatException e) { throw new BallotFileException(i + 1, "a preference must be a candidate number, '-' or numbers joined by '=', found '" + t[j] + "'"); }
                    if (c <= 0) throw new BallotFileException(i + 1, "candidate numbers start at 1, found " + c);
                    rank[p] = c > candidates ? Ballot.UNKNOWN : c - 1;
                }
                ranks.add(rank);
            }
            ballots.add(new Ballot(weight, ranks.toArray(new int[0][]), i + 1));
        }
        if (!ended) throw new BallotFileException(lines.length, "the ballots must end with a line '0'");
        List<String> names = new ArrayList<>();
        String title = null;
        int nameLine = i;
        for (; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) continue;
            List<String> quoted = quotedStrings(line, i + 1);
            for (String q : quoted) {
                if (names.size() < candidates) names.add(q);
                else if (title == null) title = q;
                else throw new BallotFileException(i + 1, "unexpected text after the title");
            }
            nameLine = i + 1;
        }
        if (names.size() < candidates) throw new BallotFileException(nameLine, "expected " + candidates + " candidate names in double quotes, found " + names.size());
        try {
            return new BallotBox(title == null ? "" : title, names, withdrawn, seats, ballots);
        } catch (IllegalArgumentException e) {
            throw new BallotFileException(nameLine, e.getMessage());
        }
    }

    /** Writes {@code box} as BLT with {@code seats} on the first line. */
    public static String write(BallotBox box, int seats) {
        StringBuilder sb = new StringBuilder();
        sb.append(box.candidates().size()).append(' ').append(seats).append('\n');
        if (!box.withdrawn().isEmpty()) {
            List<String> w = new ArrayList<>();
            for (int c : box.withdrawn().stream().sorted().toList()) w.add(Integer.toString(-(c + 1)));
            sb.append(String.join(" ", w)).append('\n');
        }
        for (Ballot b : box.ballots()) {
            sb.append(b.weight());
            for (int r = 0; r < b.rankCount(); r++) {
                sb.append(' ');
                if (b.markCount(r) == 0) { sb.append('-'); continue; }
                for (int m = 0; m < b.markCount(r); m++) {
                    int c = b.mark(r, m);
                    if (c == Ballot.UNKNOWN) throw new IllegalArgumentException("BLT cannot name an unknown candidate (ballot " + b + ")");
                    if (m > 0) sb.append('=');
                    sb.append(c + 1);
                }
            }
            sb.append(" 0\n");
        }
        sb.append("0\n");
        for (String name : box.candidates()) sb.append(quote(name)).append('\n');
        sb.append(quote(box.title())).append('\n');
        return sb.toString();
    }

    private static String quote(String s) {
        if (s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) throw new IllegalArgumentException("BLT names cannot contain a double quote or line break: " + s);
        return '"' + s + '"';
    }

    private static List<String> quotedStrings(String line, int lineNo) {
        List<String> out = new ArrayList<>();
        int p = 0;
        while (p < line.length()) {
            char c = line.charAt(p);
            if (Character.isWhitespace(c)) { p++; continue; }
            if (c != '"') throw new BallotFileException(lineNo, "names and the title must be in double quotes, found '" + line + "'");
            int end = line.indexOf('"', p + 1);
            if (end < 0) throw new BallotFileException(lineNo, "unterminated double quote");
            out.add(line.substring(p + 1, end));
            p = end + 1;
        }
        return out;
    }

    private static int skipBlank(String[] lines, int i) {
        while (i < lines.length && lines[i].trim().isEmpty()) i++;
        return i;
    }

    private static String[] tokens(String line) { return line.trim().split("\\s+"); }

    private static int positiveInt(String s, int line, String what) {
        try {
            int v = Integer.parseInt(s);
            if (v <= 0) throw new BallotFileException(line, what + " must be positive, found " + v);
            return v;
        } catch (NumberFormatException e) {
            throw new BallotFileException(line, what + " must be a whole number, found '" + s + "'");
        }
    }
}
