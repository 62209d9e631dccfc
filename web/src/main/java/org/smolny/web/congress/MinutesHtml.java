package org.smolny.web.congress;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The minutes' Markdown as HTML for the minutes page. The minutes use a small part of Markdown (headings, bullet and
 * numbered lists, nested by two spaces, tables, quotes, bold and code spans), and only that part is read; every text
 * is escaped, so nothing in a motion or a name can add markup. Stateless; thread-safe.
 */
final class MinutesHtml {

    private MinutesHtml() {
    }

    /** The HTML of {@code markdown}, its first heading shown as the page's {@code h1}. */
    static String of(String markdown) {
        StringBuilder html = new StringBuilder();
        Deque<String> lists = new ArrayDeque<>();
        boolean table = false;
        boolean header = false;
        boolean quote = false;
        boolean paragraph = false;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.stripLeading();
            int indent = (line.length() - trimmed.length()) / 2;
            boolean bullet = trimmed.startsWith("- ");
            boolean numbered = trimmed.matches("\\d+\\. .*");
            if (paragraph && (line.isBlank() || bullet || numbered || trimmed.startsWith("#") || trimmed.startsWith("|") || trimmed.startsWith(">"))) {
                html.append("</p>\n");
                paragraph = false;
            }
            if (table && !trimmed.startsWith("|")) {
                html.append("</tbody></table>\n");
                table = false;
            }
            if (quote && !trimmed.startsWith(">")) {
                html.append("</blockquote>\n");
                quote = false;
            }
            if (!lists.isEmpty() && !bullet && !numbered && (line.isBlank() || indent == 0)) {
                while (!lists.isEmpty()) {
                    html.append("</li></").append(lists.pop()).append(">\n");
                }
            }
            if (line.isBlank()) {
                continue;
            }
            if (bullet || numbered) {
                String tag = bullet ? "ul" : "ol";
                while (lists.size() > indent + 1) {
                    html.append("</li></").append(lists.pop()).append(">\n");
                }
                if (lists.size() == indent + 1 && !lists.peek().equals(tag)) {
                    html.append("</li></").append(lists.pop()).append(">\n");
                }
                if (lists.size() < indent + 1) {
                    while (lists.size() < indent + 1) {
                        html.append('<').append(tag).append('>');
                        lists.push(tag);
                    }
                } else {
                    html.append("</li>");
                }
                String text = bullet ? trimmed.substring(2) : trimmed.substring(trimmed.indexOf(". ") + 2);
                html.append("<li>").append(inline(text));
            } else if (!lists.isEmpty()) {
                html.append("<br>").append(inline(trimmed));
            } else if (trimmed.startsWith("#")) {
                int level = 0;
                while (level < trimmed.length() && trimmed.charAt(level) == '#') {
                    level++;
                }
                level = Math.min(level, 6);
                html.append("<h").append(level).append('>').append(inline(trimmed.substring(level).strip()))
                        .append("</h").append(level).append(">\n");
            } else if (trimmed.startsWith("|")) {
                if (trimmed.matches("\\|[-:| ]+\\|")) {
                    continue;
                }
                if (!table) {
                    html.append("<table class=\"minutes-table\"><thead>");
                    table = true;
                    header = true;
                }
                String[] cells = trimmed.substring(1, trimmed.length() - (trimmed.endsWith("|") ? 1 : 0)).split("\\|", -1);
                html.append("<tr>");
                for (String cell : cells) {
                    String tag = header ? "th scope=\"col\"" : "td";
                    html.append('<').append(tag).append('>').append(inline(cell.strip())).append("</").append(header ? "th" : "td").append('>');
                }
                html.append("</tr>");
                if (header) {
                    html.append("</thead><tbody>");
                    header = false;
                }
            } else if (trimmed.startsWith(">")) {
                if (!quote) {
                    html.append("<blockquote>");
                    quote = true;
                }
                String text = trimmed.substring(1).strip();
                if (!text.isEmpty()) {
                    html.append("<p>").append(inline(text)).append("</p>");
                }
            } else {
                if (!paragraph) {
                    html.append("<p>");
                    paragraph = true;
                } else {
                    html.append("<br>");
                }
                html.append(inline(trimmed));
            }
        }
        if (paragraph) {
            html.append("</p>\n");
        }
        if (table) {
            html.append("</tbody></table>\n");
        }
        if (quote) {
            html.append("</blockquote>\n");
        }
        while (!lists.isEmpty()) {
            html.append("</li></").append(lists.pop()).append(">\n");
        }
        return html.toString();
    }

    /** Escapes {@code text}, then shows {@code **bold**} and {@code `code`} spans. */
    private static String inline(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
        return escaped.replaceAll("\\*\\*([^*]+)\\*\\*", "<strong>$1</strong>").replaceAll("`([^`]+)`", "<code>$1</code>");
    }
}
