package org.smolny.council.shell;

import org.jdbi.v3.core.Handle;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.PersonalData;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitId;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Imports members from CSV (RFC 4180: comma-separated, fields may be double-quoted, a header line first). Columns, in
 * any order: {@code unit} (the unit's id, or its name when no other unit has it), {@code name}, {@code email} and
 * {@code phone} (may be empty), {@code vote} (the unit's admission vote as
 * {@code entitled/present/for/against/abstentions}), and optionally {@code member} (a pseudonymous UUIDv7 kept from a
 * previous system; a fresh one otherwise). Each row is one admission through the council: a bad row, or one the
 * council refuses, is reported with its line and skipped, and nothing is written for it. Admissions are pipelined
 * so that the record's group commit writes many per transaction. Not thread-safe; one import at a time.
 */
public final class MemberImport {

    private static final List<String> REQUIRED = List.of("unit", "name", "email", "phone", "vote");
    private static final int IN_FLIGHT = 16_384;

    private final CouncilService council;

    public MemberImport(CouncilService council) {
        this.council = council;
    }

    /** A row that was not imported: its line in the file and why. */
    public record RowError(long line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /**
     * What an import did.
     *
     * @param admitted members admitted
     * @param errors   rows skipped, in file order
     */
    public record Report(long admitted, List<RowError> errors) {
        public Report {
            errors = List.copyOf(errors);
        }
    }

    /** The file's header is not usable (a column missing or repeated): nothing was imported. */
    public static final class BadHeader extends Exception {
        private static final long serialVersionUID = 1L;

        public BadHeader(String message) {
            super(message);
        }
    }

    private record Pending(long line, CompletableFuture<CommandResult> result) {
    }

    /** Imports every row of {@code csv}; rows after a bad one are still imported. */
    public Report run(BufferedReader csv) throws IOException, BadHeader {
        String headerLine = csv.readLine();
        if (headerLine == null) {
            throw new BadHeader("the file is empty: the first line names the columns " + String.join(",", REQUIRED));
        }
        Map<String, Integer> columns = header(headerLine);
        Map<String, UnitId> unitsByName = new HashMap<>();
        Map<String, Integer> nameCounts = new HashMap<>();
        try (Handle handle = council.queries().open()) {
            handle.createQuery("SELECT unit_id, name FROM council_unit").map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                    .forEach(row -> {
                        unitsByName.put(row[1], UnitId.parse(row[0]));
                        nameCounts.merge(row[1], 1, Integer::sum);
                    });
        }
        List<RowError> errors = new ArrayList<>();
        Deque<Pending> pending = new ArrayDeque<>();
        long admitted = 0;
        long line = 1;
        String text;
        while ((text = csv.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            try {
                List<String> fields = fields(text);
                if (fields.size() != columns.size()) {
                    throw new IllegalArgumentException("the row has " + fields.size() + " fields; the header has " + columns.size());
                }
                String unitText = fields.get(columns.get("unit")).strip();
                UnitId unit = unit(unitText, unitsByName, nameCounts);
                PersonalData data = new PersonalData(fields.get(columns.get("name")), fields.get(columns.get("email")),
                        fields.get(columns.get("phone")));
                VoteTally vote = vote(fields.get(columns.get("vote")).strip());
                MemberId member = columns.containsKey("member") && !fields.get(columns.get("member")).isBlank()
                        ? MemberId.parse(fields.get(columns.get("member")).strip())
                        : MemberId.generate(council.clock().instant());
                pending.add(new Pending(line, council.admitAsync(member, unit, data, vote, null)));
            } catch (IllegalArgumentException invalid) {
                errors.add(new RowError(line, invalid.getMessage()));
            }
            if (pending.size() >= IN_FLIGHT) {
                admitted += settle(pending.poll(), errors);
            }
        }
        while (!pending.isEmpty()) {
            admitted += settle(pending.poll(), errors);
        }
        errors.sort(java.util.Comparator.comparingLong(RowError::line));
        return new Report(admitted, errors);
    }

    private static int settle(Pending pending, List<RowError> errors) {
        CommandResult result = pending.result().join();
        if (result instanceof CommandResult.Refused refused) {
            errors.add(new RowError(pending.line(), "refused: " + refused.reason()));
            return 0;
        }
        return 1;
    }

    private static Map<String, Integer> header(String line) throws BadHeader {
        List<String> names = fields(line.startsWith("\uFEFF") ? line.substring(1) : line);
        Map<String, Integer> columns = new HashMap<>();
        for (int index = 0; index < names.size(); index++) {
            String name = names.get(index).strip().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !name.equals("member")) {
                throw new BadHeader("unknown column '" + name + "' in the header; the columns are " + String.join(",", REQUIRED)
                        + " and optionally member");
            }
            if (columns.put(name, index) != null) {
                throw new BadHeader("the column '" + name + "' appears twice in the header");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new BadHeader("the header lacks the column '" + required + "'; the columns are " + String.join(",", REQUIRED));
            }
        }
        return columns;
    }

    private static UnitId unit(String text, Map<String, UnitId> byName, Map<String, Integer> counts) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the unit is empty");
        }
        if (counts.getOrDefault(text, 0) > 1) {
            throw new IllegalArgumentException("several units are named '" + text + "': give the unit's id");
        }
        UnitId named = byName.get(text);
        if (named != null) {
            return named;
        }
        try {
            return UnitId.parse(text);
        } catch (IllegalArgumentException notId) {
            throw new IllegalArgumentException("there is no unit '" + text + "' (neither a unit's name nor a unit id)");
        }
    }

    private static VoteTally vote(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("the vote '" + text + "' is not entitled/present/for/against/abstentions");
        }
        int[] counts = new int[5];
        for (int index = 0; index < 5; index++) {
            try {
                counts[index] = Integer.parseInt(parts[index].strip());
            } catch (NumberFormatException notNumber) {
                throw new IllegalArgumentException("the vote '" + text + "' has '" + parts[index] + "', not a whole number");
            }
        }
        return new VoteTally(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    /** The fields of one CSV line; a quoted field may hold commas and doubled quotes. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int index = 0; index < line.length(); index++) {
            char c = line.charAt(index);
            if (quoted) {
                if (c == '"') {
                    if (index + 1 < line.length() && line.charAt(index + 1) == '"') {
                        field.append('"');
                        index++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '"') {
                throw new IllegalArgumentException("a quote inside an unquoted field at column " + (index + 1));
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed on its line");
        }
        fields.add(field.toString());
        return fields;
    }
}
