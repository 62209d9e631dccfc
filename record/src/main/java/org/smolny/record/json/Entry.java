package org.smolny.record.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One record entry (record spec §1): a JSON object with {@code "v":1}, held as its RFC 8785 canonical UTF-8 bytes, at most
 * {@link #MAX_BYTES} long (so that it fits the 16-bit length prefix of a C2SP tlog-tiles entry bundle).
 * An invalid entry cannot exist: the factories throw {@link InvalidEntryException}. Immutable.
 */
public final class Entry {

    /** Largest canonical entry, in bytes: 64 KiB less one. */
    public static final int MAX_BYTES = 65_535;

    /** The only entry version this software knows. */
    public static final int VERSION = 1;

    private final byte[] canonical;

    private Entry(byte[] canonical) {
        this.canonical = canonical;
    }

    /** Parses JSON text, checks it is a version-1 entry, and canonicalizes it. */
    public static Entry parse(String json) {
        return of(CanonicalJson.parse(json));
    }

    /** Checks a JSON tree is a version-1 entry and canonicalizes it. */
    public static Entry of(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidEntryException(new EntryError.NotAnObject(describe(node)));
        }
        JsonNode version = node.get("v");
        if (version == null) {
            throw new InvalidEntryException(new EntryError.MissingVersion());
        }
        if (!version.isNumber() || version.decimalValue().compareTo(java.math.BigDecimal.valueOf(VERSION)) != 0) {
            throw new InvalidEntryException(new EntryError.UnknownVersion(version.toString()));
        }
        byte[] canonical = CanonicalJson.canonicalize(node);
        if (canonical.length > MAX_BYTES) {
            throw new InvalidEntryException(new EntryError.TooLarge(canonical.length, MAX_BYTES));
        }
        return new Entry(canonical);
    }

    /** Accepts bytes that must already be a canonical version-1 entry (as stored or exported). */
    public static Entry fromCanonical(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidEntryException(new EntryError.TooLarge(bytes.length, MAX_BYTES));
        }
        Entry entry = of(CanonicalJson.parse(bytes));
        int difference = Arrays.mismatch(entry.canonical, bytes);
        if (difference >= 0) {
            throw new InvalidEntryException(new EntryError.NotCanonical(difference));
        }
        return entry;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The canonical bytes (a copy). */
    public byte[] bytes() {
        return canonical.clone();
    }

    /** Length of the canonical form in bytes. */
    public int length() {
        return canonical.length;
    }

    /** The canonical JSON text. */
    public String json() {
        return new String(canonical, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Entry entry && Arrays.equals(canonical, entry.canonical);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(canonical);
    }

    @Override
    public String toString() {
        return json();
    }
}
