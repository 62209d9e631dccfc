package org.smolny.record.note;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.smolny.record.note.internal.CanonicalBase64;

/**
 * One signature line of a signed note: {@code — <key name> base64(key id || signature)}.
 * Immutable.
 *
 * @param keyName   the key name on the line
 * @param keyId     the first four bytes of the decoded signature
 * @param signature the remaining bytes
 */
public record NoteSignature(String keyName, KeyId keyId, byte[] signature) {

    /** The em dash (U+2014) and space that start every signature line. */
    public static final String LINE_START = "\u2014 ";

    public NoteSignature {
        KeyNames.requireValid(keyName);
        if (keyId == null || signature == null || signature.length == 0) {
            throw new IllegalArgumentException("a note signature needs a key id and at least one signature byte");
        }
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The line, with its final newline. */
    public String line() {
        byte[] all = ByteBuffer.allocate(4 + signature.length).putInt(keyId.value()).put(signature).array();
        return LINE_START + keyName + " " + CanonicalBase64.encode(all) + "\n";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that && keyName.equals(that.keyName) && keyId.equals(that.keyId)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return (keyName.hashCode() * 31 + keyId.hashCode()) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return line().strip();
    }
}
