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
 * "Source"       optional (Wichmann's extension): a source and a comment, read and not used
 * "Comment"
 * </pre>
 * A ballot may start with an id in parentheses, which is ignored. A candidate number above the
 * number of candidates is read as a mark for an unknown candidate. Weights are positive integers.
 * Thread-safe (stateless).
 */
public final class Blt {
    private Blt() { }

    public static BallotBox read(String text) {
        // Walks the text line by line by index: only the few header and name lines become
        // strings; ballot lines (millions) are parsed in place.
        int length = text.length();
        int lineNo = 0;
        int pos = 0;
        int begin = -1, end = -1;
        while (pos <= length) {
            lineNo++;
            begin = pos;
            end = lineEnd(text, pos);
            pos = end + 1;
            if (!isBlank(text, begin, stop(text, begin, end))) break;
            begin = -1;
        }
        if (begin < 0) throw new BallotFileException(0, "the file is empty; a BLT file starts with 'candidates seats'");
        String headLine = text.substring(begin, stop(text, begin, end));
        String[] head = tokens(headLine);
        if (head.length != 2) throw new BallotFileException(lineNo, "the first line must be 'candidates seats', found '" + headLine.trim() + "'");
        int candidates = positiveInt(head[0], lineNo, "number of candidates");
        int seats = positiveInt(head[1], lineNo, "number of seats");
        Set<Integer> withdrawn = new LinkedHashSet<>();
        while (pos <= length) {
            int b = pos;
            int e = lineEnd(text, pos);
            int s = stop(text, b, e);
            if (isBlank(text, b, s)) { lineNo++; pos = e + 1; continue; }
            String line = text.substring(b, s);
            if (line.trim().startsWith("-") && !line.trim().startsWith("- ")) {
                lineNo++;
                pos = e + 1;
                for (String t : tokens(line)) {
                    int w;
                    try { w = Integer.parseInt(t); } catch (NumberFormatException x) { throw new BallotFileException(lineNo, "withdrawn candidates must be negative numbers, found '" + t + "'"); }
                    if (w >= 0 || -w > candidates) throw new BallotFileException(lineNo, "withdrawn candidate " + t + " is not between -1 and -" + candidates);
                    withdrawn.add(-w - 1);
                }
            }
            break;
        }
        List<Ballot> ballots = new ArrayList<>(Math.max(16, (length - pos) / 16));
        Scratch scratch = new Scratch();
        boolean ended = false;
        while (pos <= length) {
            lineNo++;
            int b = pos;
            int e = lineEnd(text, pos);
            pos = e + 1;
            Ballot ballot = ballotLine(text, b, stop(text, b, e), lineNo, candidates, scratch);
            if (ballot == END) { ended = true; break; }
            if (ballot != null) ballots.add(ballot);
        }
        if (!ended) throw new BallotFileException(lineNo, "the ballots must end with a line '0'");
        List<String> names = new ArrayList<>();
        String title = null;
        int extras = 0; // Wichmann's extension: a quoted source and a quoted comment may follow the title (they are not used)
        int nameLine = lineNo;
        while (pos <= length) {
            lineNo++;
            int b = pos;
            int e = lineEnd(text, pos);
            pos = e + 1;
            String line = text.substring(b, stop(text, b, e)).trim();
            if (line.isEmpty()) continue;
            List<String> quoted = quotedStrings(line, lineNo);
            for (String q : quoted) {
                if (names.size() < candidates) names.add(q);
                else if (title == null) title = q;
                else if (++extras > 2) throw new BallotFileException(lineNo, "unexpected text after the title (at most a source and a comment may follow it)");
            }
            nameLine = lineNo;
        }
        if (names.size() < candidates) throw new BallotFileException(nameLine, "expected " + candidates + " candidate names in double quotes, found " + names.size());
        try {
            return new BallotBox(title == null ? "" : title, names, withdrawn, seats, ballots);
        } catch (IllegalArgumentException e) {
            throw new BallotFileException(nameLine, e.getMessage());
        }
    }

    /** The index of the line feed ending the line that starts at {@code from}, or the text's length. */
    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    /** The end of the line's content, without a carriage return before the line feed. */
    private static int stop(String text, int begin, int end) {
        return end > begin && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** As {@code String.trim().isEmpty()}: only characters up to the space. */
    private static boolean isBlank(String text, int begin, int end) {
        for (int k = begin; k < end; k++) if (text.charAt(k) > ' ') return false;
        return true;
    }

    private static final Ballot END = Ballot.ranking(1);

    /** Arrays reused from one ballot line to the next. */
    private static final class Scratch {
        int[] starts = new int[9];
        int[] marks = new int[8];
    }

    /**
     * Parses the ballot line {@code text[begin, n)} in place (files run to millions of lines):
     * returns {@code null} for a blank line and {@link #END} for the end marker {@code 0}.
     */
    private static Ballot ballotLine(String line, int begin0, int n, int lineNo, int candidates, Scratch scratch) {
        int p = begin0;
        while (p < n && Character.isWhitespace(line.charAt(p))) p++;
        if (p == n) return null;
        if (line.charAt(p) == '(') {
            int close = line.indexOf(')', p);
            if (close < 0 || close >= n) throw new BallotFileException(lineNo, "a ballot id must be one word in parentheses");
            p = close + 1;
            if (p < n && !Character.isWhitespace(line.charAt(p))) throw new BallotFileException(lineNo, "a ballot id must be one word in parentheses");
            while (p < n && Character.isWhitespace(line.charAt(p))) p++;
            if (p == n) throw new BallotFileException(lineNo, "a ballot id without a ballot");
        }
        int tokenEnd = p;
        long weight = 0;
        boolean simple = true;
        while (tokenEnd < n && !Character.isWhitespace(line.charAt(tokenEnd))) {
            char c = line.charAt(tokenEnd);
            if (c >= '0' && c <= '9' && tokenEnd - p < 18) weight = weight * 10 + (c - '0');
            else simple = false;
            tokenEnd++;
        }
        if (!simple || tokenEnd == p) {
            String weightText = line.substring(p, tokenEnd);
            try { weight = Long.parseLong(weightText); } catch (NumberFormatException e) { throw new BallotFileException(lineNo, "ballot weight must be a whole number, found '" + weightText + "'"); }
        }
        p = tokenEnd;
        while (p < n && Character.isWhitespace(line.charAt(p))) p++;
        if (p == n) {
            if (weight == 0) return END;
            throw new BallotFileException(lineNo, "a ballot must end with 0");
        }
        if (weight <= 0) throw new BallotFileException(lineNo, "ballot weight must be positive, found " + weight);
        int[] starts = scratch.starts;
        int rankCount = 0;
        int[] marks = scratch.marks;
        int count = 0;
        boolean terminated = false;
        while (p < n) {
            int begin = p;
            while (p < n && !Character.isWhitespace(line.charAt(p))) p++;
            if (terminated) throw new BallotFileException(lineNo, "a ballot must end with 0");
            if (p - begin == 1 && line.charAt(begin) == '0') {
                terminated = true;
            } else if (p - begin == 1 && line.charAt(begin) == '-') {
                if (rankCount + 2 > starts.length) starts = scratch.starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                starts[++rankCount] = count;
            } else {
                int value = 0;
                int digits = 0;
                for (int k = begin; k <= p; k++) {
                    char c = k < p ? line.charAt(k) : '=';
                    if (c >= '0' && c <= '9' && digits < 9) { value = value * 10 + (c - '0'); digits++; continue; }
                    if (c != '=' || digits == 0) throw new BallotFileException(lineNo, "a preference must be a candidate number, '-' or numbers joined by '=', found '" + line.substring(begin, p) + "'");
                    if (value == 0) throw new BallotFileException(lineNo, "candidate numbers start at 1, found 0");
                    if (count == marks.length) marks = scratch.marks = java.util.Arrays.copyOf(marks, count * 2);
                    marks[count++] = value > candidates ? Ballot.UNKNOWN : value - 1;
                    value = 0;
                    digits = 0;
                }
                if (rankCount + 2 > starts.length) starts = scratch.starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                starts[++rankCount] = count;
            }
            while (p < n && Character.isWhitespace(line.charAt(p))) p++;
        }
        if (!terminated) throw new BallotFileException(lineNo, "a ballot must end with 0");
        return Ballot.ofFlat(weight, marks, count, starts, rankCount, lineNo);
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

    /** Splits a line at runs of spaces and tabs, without regular expressions (ballot files run to millions of lines). */
    private static String[] tokens(String line) {
        List<String> out = new ArrayList<>(8);
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) i++;
            if (i == n) break;
            int begin = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) i++;
            out.add(line.substring(begin, i));
        }
        return out.isEmpty() ? new String[] {""} : out.toArray(new String[0]);
    }

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
