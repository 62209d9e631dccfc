package org.smolny.council.statutes.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each key and table of a TOML text is written, so that a problem found after parsing can name its line.
 * Paths are dotted, with the index of each array-of-tables element: {@code posts[2].electorate}.
 * Immutable once built.
 */
public final class TomlLines {

    private final Map<String, Integer> lines;

    private TomlLines(Map<String, Integer> lines) {
        this.lines = Map.copyOf(lines);
    }

    /** The line of {@code path}, else of the nearest enclosing table written in the text, else line 1. */
    public int lineOf(String path) {
        String current = path;
        while (!current.isEmpty()) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            current = parent(current);
        }
        return 1;
    }

    private static String parent(String path) {
        if (path.endsWith("]")) {
            return path.substring(0, path.lastIndexOf('['));
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** Indexes the keys and tables of {@code text}; text the index does not understand is skipped. */
    public static TomlLines index(String text) {
        Map<String, Integer> lines = new HashMap<>();
        Map<String, Integer> arrayCounts = new HashMap<>();
        String table = "";
        String[] physical = text.split("\r?\n", -1);
        String openString = null;
        int depth = 0;
        for (int number = 1; number <= physical.length; number++) {
            String line = physical[number - 1];
            if (openString != null) {
                int close = line.indexOf(openString);
                if (close < 0) {
                    continue;
                }
                openString = null;
                line = line.substring(close + 3);
                depth = scan(line, depth).depth;
                continue;
            }
            if (depth > 0) {
                Scan scan = scan(line, depth);
                depth = scan.depth;
                openString = scan.openString;
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("[[")) {
                int end = trimmed.indexOf("]]");
                if (end < 0) {
                    continue;
                }
                List<String> segments = keySegments(trimmed.substring(2, end));
                String prefix = resolve(segments.subList(0, segments.size() - 1), arrayCounts);
                String array = join(prefix, segments.get(segments.size() - 1));
                int index = arrayCounts.merge(array, 1, Integer::sum) - 1;
                table = array + "[" + index + "]";
                lines.putIfAbsent(array, number);
                lines.put(table, number);
                continue;
            }
            if (trimmed.startsWith("[")) {
                int end = trimmed.indexOf(']');
                if (end < 0) {
                    continue;
                }
                table = resolve(keySegments(trimmed.substring(1, end)), arrayCounts);
                lines.put(table, number);
                continue;
            }
            int equals = indexOutsideQuotes(trimmed, '=');
            if (equals <= 0) {
                continue;
            }
            String key = table;
            for (String segment : keySegments(trimmed.substring(0, equals))) {
                key = join(key, segment);
            }
            lines.putIfAbsent(key, number);
            Scan scan = scan(trimmed.substring(equals + 1), 0);
            depth = scan.depth;
            openString = scan.openString;
        }
        return new TomlLines(lines);
    }

    private record Scan(int depth, String openString) {
    }

    /** Follows brackets and strings through {@code text}, starting at bracket depth {@code depth}. */
    private static Scan scan(String text, int depth) {
        int position = 0;
        while (position < text.length()) {
            char character = text.charAt(position);
            if (text.startsWith("\"\"\"", position) || text.startsWith("'''", position)) {
                String delimiter = text.substring(position, position + 3);
                int close = text.indexOf(delimiter, position + 3);
                if (close < 0) {
                    return new Scan(depth, delimiter);
                }
                position = close + 3;
                continue;
            }
            if (character == '"' || character == '\'') {
                position = endOfString(text, position);
                continue;
            }
            if (character == '#') {
                break;
            }
            if (character == '[' || character == '{') {
                depth++;
            } else if ((character == ']' || character == '}') && depth > 0) {
                depth--;
            }
            position++;
        }
        return new Scan(depth, null);
    }

    private static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        int position = start + 1;
        while (position < text.length()) {
            char character = text.charAt(position);
            if (quote == '"' && character == '\\') {
                position += 2;
                continue;
            }
            if (character == quote) {
                return position + 1;
            }
            position++;
        }
        return position;
    }

    private static int indexOutsideQuotes(String text, char wanted) {
        int position = 0;
        while (position < text.length()) {
            char character = text.charAt(position);
            if (character == '"' || character == '\'') {
                position = endOfString(text, position);
                continue;
            }
            if (character == wanted) {
                return position;
            }
            position++;
        }
        return -1;
    }

    private static List<String> keySegments(String key) {
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        int position = 0;
        while (position < key.length()) {
            char character = key.charAt(position);
            if (character == '"' || character == '\'') {
                int end = endOfString(key, position);
                segment.append(key, position + 1, Math.max(position + 1, end - 1));
                position = end;
                continue;
            }
            if (character == '.') {
                segments.add(segment.toString().strip());
                segment.setLength(0);
            } else {
                segment.append(character);
            }
            position++;
        }
        segments.add(segment.toString().strip());
        return segments;
    }

    private static String resolve(List<String> segments, Map<String, Integer> arrayCounts) {
        String path = "";
        for (String segment : segments) {
            path = join(path, segment);
            Integer count = arrayCounts.get(path);
            if (count != null) {
                path = path + "[" + (count - 1) + "]";
            }
        }
        return path;
    }

    private static String join(String prefix, String segment) {
        return prefix.isEmpty() ? segment : prefix + "." + segment;
    }
}
