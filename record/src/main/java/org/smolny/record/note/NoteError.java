package org.smolny.record.note;

/**
 * Why a signed note was refused. Each case says what was wrong and where, in {@link #message()}.
 * Syntax errors come from {@link SignedNote#parse}; signature errors from {@link SignedNote#verify}.
 */
public sealed interface NoteError {

    /** A sentence for a person: what was wrong and where. */
    String message();

    /** The note is larger than the limit. */
    record TooLarge(long size, long limit) implements NoteError {
        public String message() {
            return "note is " + size + " bytes, more than the limit of " + limit;
        }
    }

    /** The bytes are not valid UTF-8. */
    record NotUtf8(int byteOffset) implements NoteError {
        public String message() {
            return "note is not valid UTF-8 (first bad byte at offset " + byteOffset + ")";
        }
    }

    /** An ASCII control character other than newline (a tab, a carriage return, ...). */
    record ControlCharacter(int line, int codePoint) implements NoteError {
        public String message() {
            return String.format("note line %d contains the control character U+%04X; only newline is allowed", line, codePoint);
        }
    }

    /** The note does not end in a newline. */
    record MissingFinalNewline() implements NoteError {
        public String message() {
            return "note does not end in a newline";
        }
    }

    /** There is no blank line separating the text from the signatures. */
    record MissingSignatureSeparator() implements NoteError {
        public String message() {
            return "note has no blank line before its signature lines";
        }
    }

    /** The blank line is there but no signature line follows it. */
    record NoSignatures() implements NoteError {
        public String message() {
            return "note has no signature lines after its last blank line";
        }
    }

    /** More signature lines than the verifier accepts. */
    record TooManySignatures(int count, int limit) implements NoteError {
        public String message() {
            return "note has " + count + " signature lines, more than the limit of " + limit;
        }
    }

    /** A signature line that is not {@code — name base64}. */
    record MalformedSignatureLine(int line, String reason) implements NoteError {
        public String message() {
            return "signature line " + line + " of the note is malformed: " + reason;
        }
    }

    /** A signature that is not canonical standard base64. */
    record BadBase64(int line, String keyName) implements NoteError {
        public String message() {
            return "signature line " + line + " (key '" + keyName + "') is not canonical standard base64";
        }
    }

    /** A signature too short to hold a key id and any signature byte. */
    record SignatureTooShort(int line, String keyName, int length) implements NoteError {
        public String message() {
            return "signature line " + line + " (key '" + keyName + "') decodes to " + length
                    + " bytes; at least 5 (4-byte key id and a signature) are needed";
        }
    }

    /** A signature by a known key whose length is wrong for the key's algorithm. */
    record WrongSignatureLength(String keyName, KeyId keyId, int length, int expected) implements NoteError {
        public String message() {
            return "signature by " + keyName + "+" + keyId.hex() + " is " + length + " bytes, expected " + expected;
        }
    }

    /** A signature by a known key that does not verify: the whole note is refused. */
    record InvalidSignature(String keyName, KeyId keyId) implements NoteError {
        public String message() {
            return "signature by " + keyName + "+" + keyId.hex() + " does not verify: the note was altered or forged";
        }
    }

    /** No signature is by a known key (key name and key id both matching). */
    record UnknownKeys(java.util.List<String> signers) implements NoteError {
        public UnknownKeys {
            signers = java.util.List.copyOf(signers);
        }

        public String message() {
            return "note has no signature by a known key; it is signed by " + String.join(", ", signers);
        }
    }

    /** The note verifies, but not with the one key that had to sign it (for example the log's key). */
    record MissingSignature(String keyName, KeyId keyId) implements NoteError {
        public String message() {
            return "note is not signed by the required key " + keyName + "+" + keyId.hex();
        }
    }
}
