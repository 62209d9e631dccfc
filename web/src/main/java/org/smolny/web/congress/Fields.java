package org.smolny.web.congress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one request body, each by name, and refuses a body with a field left unread. Every failure is
 * an {@link InvalidField} whose message names the field and says what is wrong. Not thread-safe (one per request).
 */
final class Fields {

    /** A field missing, of the wrong shape, or not known; the message names it. */
    static final class InvalidField extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidField(String message) {
            super(message);
        }
    }

    private final ObjectNode body;
    private final Set<String> read = new HashSet<>();

    Fields(ObjectNode body) {
        this.body = body;
    }

    boolean has(String name) {
        read.add(name);
        JsonNode value = body.get(name);
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty());
    }

    String text(String name) throws InvalidField {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw new InvalidField("the field '" + name + "' must be a string");
        }
        return value.asText();
    }

    String optionalText(String name) throws InvalidField {
        return has(name) ? text(name) : null;
    }

    int number(String name) throws InvalidField {
        JsonNode value = required(name);
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.asText().strip());
            } catch (NumberFormatException notNumber) {
                throw new InvalidField("the field '" + name + "' must be a whole number, not '" + value.asText() + "'");
            }
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new InvalidField("the field '" + name + "' must be a whole number");
        }
        return value.asInt();
    }

    boolean flag(String name) throws InvalidField {
        JsonNode value = required(name);
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        throw new InvalidField("the field '" + name + "' must be true or false");
    }

    Instant instant(String name) throws InvalidField {
        String text = text(name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException invalid) {
            throw new InvalidField("the field '" + name + "' must be an instant in UTC such as 2026-11-27T09:00:00Z, not '" + text + "'");
        }
    }

    <T> T id(String name, Function<String, T> parse) throws InvalidField {
        return parsed(name, text(name), parse);
    }

    <T> T optionalId(String name, Function<String, T> parse) throws InvalidField {
        return has(name) ? id(name, parse) : null;
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) throws InvalidField {
        String text = text(name);
        for (E constant : type.getEnumConstants()) {
            if (wireName(constant).equals(text)) {
                return constant;
            }
        }
        throw new InvalidField("the field '" + name + "' must be one of " + wireNames(type) + ", not '" + text + "'");
    }

    /** A list of strings: a JSON array, or in a form a text with one item a line. */
    List<String> lines(String name) throws InvalidField {
        JsonNode value = required(name);
        List<String> lines = new ArrayList<>();
        if (value.isTextual()) {
            for (String line : value.asText().split("\r\n|\n|\r", -1)) {
                lines.add(line);
            }
            while (!lines.isEmpty() && lines.getLast().isBlank()) {
                lines.removeLast();
            }
            return lines;
        }
        if (!value.isArray()) {
            throw new InvalidField("the field '" + name + "' must be an array of strings");
        }
        for (JsonNode line : value) {
            if (!line.isTextual()) {
                throw new InvalidField("the field '" + name + "' must be an array of strings");
            }
            lines.add(line.asText());
        }
        return lines;
    }

    <T> List<T> ids(String name, Function<String, T> parse) throws InvalidField {
        List<T> ids = new ArrayList<>();
        for (String text : lines(name)) {
            ids.add(parsed(name, text.strip(), parse));
        }
        return ids;
    }

    /** An array of objects, each read by {@code each}. */
    <T> List<T> objects(String name, ObjectReader<T> each) throws InvalidField {
        JsonNode value = required(name);
        if (!value.isArray()) {
            throw new InvalidField("the field '" + name + "' must be an array of objects");
        }
        List<T> items = new ArrayList<>();
        int index = 0;
        for (JsonNode item : value) {
            if (!(item instanceof ObjectNode object)) {
                throw new InvalidField("item " + index + " of '" + name + "' must be an object");
            }
            Fields fields = new Fields(object);
            try {
                T read = each.read(fields);
                fields.requireNoOthers();
                items.add(read);
            } catch (InvalidField invalid) {
                throw new InvalidField("in item " + index + " of '" + name + "': " + invalid.getMessage());
            } catch (IllegalArgumentException invalid) {
                throw new InvalidField("in item " + index + " of '" + name + "': " + invalid.getMessage());
            }
            index++;
        }
        return items;
    }

    /** One object field, read by {@code reader}. */
    <T> T object(String name, ObjectReader<T> reader) throws InvalidField {
        JsonNode value = required(name);
        if (!(value instanceof ObjectNode object)) {
            throw new InvalidField("the field '" + name + "' must be an object");
        }
        Fields fields = new Fields(object);
        try {
            T read = reader.read(fields);
            fields.requireNoOthers();
            return read;
        } catch (InvalidField invalid) {
            throw new InvalidField("in '" + name + "': " + invalid.getMessage());
        }
    }

    /** An array of arrays of ids (ranked ballots). */
    <T> List<List<T>> rankings(String name, Function<String, T> parse) throws InvalidField {
        JsonNode value = required(name);
        if (!value.isArray()) {
            throw new InvalidField("the field '" + name + "' must be an array of arrays of ids");
        }
        List<List<T>> rankings = new ArrayList<>();
        int index = 0;
        for (JsonNode ranking : value) {
            if (!ranking.isArray()) {
                throw new InvalidField("item " + index + " of '" + name + "' must be an array of ids");
            }
            List<T> ids = new ArrayList<>();
            for (JsonNode id : ranking) {
                if (!id.isTextual()) {
                    throw new InvalidField("item " + index + " of '" + name + "' must hold ids as strings");
                }
                ids.add(parsed(name + "[" + index + "]", id.asText(), parse));
            }
            rankings.add(ids);
            index++;
        }
        return rankings;
    }

    /** Refuses a body with a field that was not read. */
    void requireNoOthers() throws InvalidField {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                throw new InvalidField("there is no field '" + name + "'");
            }
        }
    }

    /** Reads one object. */
    @FunctionalInterface
    interface ObjectReader<T> {
        T read(Fields fields) throws InvalidField;
    }

    static String wireName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String wireNames(Class<? extends Enum<?>> type) {
        List<String> names = new ArrayList<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            names.add("'" + wireName(constant) + "'");
        }
        return String.join(", ", names);
    }

    private JsonNode required(String name) throws InvalidField {
        read.add(name);
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidField("the field '" + name + "' is missing");
        }
        return value;
    }

    private static <T> T parsed(String name, String text, Function<String, T> parse) throws InvalidField {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidField("the field '" + name + "' is not a valid id: " + invalid.getMessage());
        }
    }
}
