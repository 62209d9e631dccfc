package org.smolny.count.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON (RFC 8259) reader that keeps the line of every value, for error messages that
 * point at the line, and a string escaper for writers. Not thread-safe per instance; the static
 * methods are.
 */
public final class Json {
    /** A parsed JSON value with the 1-based line where it starts. */
    public sealed interface Value permits Obj, Arr, Str, Num, Bool, Null {
        int line();
    }

    public record Obj(Map<String, Value> members, int line) implements Value {
        public Value get(String key) { return members.get(key); }
    }

    public record Arr(List<Value> items, int line) implements Value { }

    public record Str(String value, int line) implements Value { }

    public record Num(BigDecimal value, int line) implements Value { }

    public record Bool(boolean value, int line) implements Value { }

    public record Null(int line) implements Value { }

    /** Malformed JSON, with the line where the problem is. */
    public static final class ParseException extends RuntimeException {
        private final int line;

        public ParseException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() { return line; }
    }

    private final String text;
    private int pos;
    private int line = 1;

    private Json(String text) { this.text = text; }

    /** Parses a whole document; anything but whitespace after the value is an error. */
    public static Value parse(String text) {
        Json p = new Json(text);
        p.skipSpace();
        Value v = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) throw new ParseException(p.line, "unexpected text after the JSON value");
        return v;
    }

    private Value value(int depth) {
        if (depth > 200) throw new ParseException(line, "JSON nested too deeply");
        if (pos >= text.length()) throw new ParseException(line, "unexpected end of file, a value was expected");
        char c = text.charAt(pos);
        int at = line;
        switch (c) {
            case '{': {
                pos++;
                Map<String, Value> members = new LinkedHashMap<>();
                skipSpace();
                if (peek() == '}') { pos++; return new Obj(members, at); }
                while (true) {
                    skipSpace();
                    if (peek() != '"') throw new ParseException(line, "a member name in double quotes was expected");
                    String key = string();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    if (members.containsKey(key)) throw new ParseException(line, "member \"" + key + "\" appears twice");
                    members.put(key, value(depth + 1));
                    skipSpace();
                    char next = peek();
                    pos++;
                    if (next == '}') return new Obj(members, at);
                    if (next != ',') throw new ParseException(line, "',' or '}' was expected");
                }
            }
            case '[': {
                pos++;
                List<Value> items = new ArrayList<>();
                skipSpace();
                if (peek() == ']') { pos++; return new Arr(items, at); }
                while (true) {
                    skipSpace();
                    items.add(value(depth + 1));
                    skipSpace();
                    char next = peek();
                    pos++;
                    if (next == ']') return new Arr(items, at);
                    if (next != ',') throw new ParseException(line, "',' or ']' was expected");
                }
            }
            case '"':
                return new Str(string(), at);
            case 't':
                literal("true");
                return new Bool(true, at);
            case 'f':
                literal("false");
                return new Bool(false, at);
            case 'n':
                literal("null");
                return new Null(at);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number(at);
                throw new ParseException(line, "unexpected character '" + c + "'");
        }
    }

    private char peek() {
        if (pos >= text.length()) throw new ParseException(line, "unexpected end of file");
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) throw new ParseException(line, "'" + c + "' was expected");
        pos++;
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) throw new ParseException(line, "unexpected text; '" + word + "' was expected");
        pos += word.length();
    }

    private Num number(int at) {
        int begin = pos;
        if (peek() == '-') pos++;
        while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) pos++;
        String s = text.substring(begin, pos);
        if (!s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) throw new ParseException(line, "malformed number '" + s + "'");
        return new Num(new BigDecimal(s), at);
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw new ParseException(line, "unterminated string");
            char c = text.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c == '\n') throw new ParseException(line, "line break inside a string");
            if (c < 0x20) throw new ParseException(line, "control character inside a string");
            if (c != '\\') { sb.append(c); continue; }
            if (pos >= text.length()) throw new ParseException(line, "unterminated escape");
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) throw new ParseException(line, "short \\u escape");
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw new ParseException(line, "malformed \\u escape");
                    }
                    pos += 4;
                }
                default -> throw new ParseException(line, "unknown escape \\" + e);
            }
        }
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') line++;
            else if (c != ' ' && c != '\t' && c != '\r') return;
            pos++;
        }
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
