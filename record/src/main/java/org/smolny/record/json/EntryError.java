package org.smolny.record.json;

/**
 * Why a record entry was refused. Each case says what is wrong and where, in {@link #message()}.
 */
public sealed interface EntryError {

    /** A sentence for a person: what is wrong and where. */
    String message();

    /** The text is not JSON (or not I-JSON: duplicate keys, lone surrogates, trailing data). */
    record NotJson(String reason) implements EntryError {
        public String message() {
            return "not valid JSON: " + reason;
        }
    }

    /** The entry is JSON but not an object. */
    record NotAnObject(String found) implements EntryError {
        public String message() {
            return "an entry is a JSON object, got " + found;
        }
    }

    /** The version field {@code v} is missing. */
    record MissingVersion() implements EntryError {
        public String message() {
            return "the entry has no version field \"v\" (expected \"v\":1)";
        }
    }

    /** The version field holds an unknown version. */
    record UnknownVersion(String found) implements EntryError {
        public String message() {
            return "unknown entry version \"v\":" + found + " (this software knows version 1)";
        }
    }

    /** A number that RFC 8785 cannot represent without changing its value. */
    record InexactNumber(String pointer, String number) implements EntryError {
        public String message() {
            return "the number " + number + " at " + pointer
                    + " is not exactly an IEEE 754 double (RFC 8785 §3.2.2.3); write it as a string";
        }
    }

    /** The canonical form is larger than the limit. */
    record TooLarge(int size, int limit) implements EntryError {
        public String message() {
            return "the entry is " + size + " bytes in canonical form, more than the limit of " + limit;
        }
    }

    /** Bytes that should already be canonical JSON are not. */
    record NotCanonical(int offset) implements EntryError {
        public String message() {
            return "the entry is not in RFC 8785 canonical form (first difference at byte " + offset + ")";
        }
    }
}
