package org.smolny.record.witness;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.smolny.record.note.KeyId;
import org.smolny.record.note.KeyNames;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.NoteSignature;

/**
 * A witness cosignature of a checkpoint in the C2SP tlog-cosignature v1 (Ed25519) format: the note
 * signature line {@code — <witness name> base64(key id || u64 timestamp || Ed25519 signature)}, where the
 * signature is over {@code cosignature/v1\ntime <timestamp>\n} followed by the checkpoint text.
 * Immutable.
 *
 * @param witnessName the cosigner's key name
 * @param keyId       SHA-256(name || 0x0A || 0x04 || public key)[:4]
 * @param timestamp   POSIX seconds at which the witness cosigned, at most 2^63 - 1
 * @param signature   the 64-byte Ed25519 signature
 */
public record Cosignature(String witnessName, KeyId keyId, long timestamp, byte[] signature) {

    /** Header line that gives domain separation (tlog-cosignature, "Ed25519 signed message"). */
    static final String HEADER = "cosignature/v1\n";

    public Cosignature {
        KeyNames.requireValid(witnessName);
        if (keyId == null) {
            throw new IllegalArgumentException("a cosignature needs a key id");
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("cosignature timestamp must be between 0 and 2^63-1");
        }
        if (signature == null || signature.length != 64) {
            throw new IllegalArgumentException("a cosignature holds a 64-byte Ed25519 signature");
        }
        signature = signature.clone();
    }

    /**
     * The cosignature in a note signature line; an {@link IllegalArgumentException} if its signature is not
     * the 72 bytes of a timestamped Ed25519 signature or the timestamp exceeds 2^63 - 1.
     */
    public static Cosignature fromNoteSignature(NoteSignature line) {
        byte[] bytes = line.signature();
        if (bytes.length != KeyType.COSIGNATURE_V1.signatureLength()) {
            throw new IllegalArgumentException("cosignature by '" + line.keyName() + "' is " + bytes.length
                    + " bytes, expected 72 (8-byte timestamp and 64-byte Ed25519 signature)");
        }
        long timestamp = ByteBuffer.wrap(bytes, 0, 8).getLong();
        if (timestamp < 0) {
            throw new IllegalArgumentException("cosignature by '" + line.keyName() + "' has a timestamp above 2^63-1");
        }
        return new Cosignature(line.keyName(), line.keyId(), timestamp, Arrays.copyOfRange(bytes, 8, 72));
    }

    /** As a note signature (for appending to the checkpoint). */
    public NoteSignature toNoteSignature() {
        byte[] bytes = ByteBuffer.allocate(72).putLong(timestamp).put(signature).array();
        return new NoteSignature(witnessName, keyId, bytes);
    }

    /** The signature line, with its final newline. */
    public String line() {
        return toNoteSignature().line();
    }

    /** When the witness cosigned. */
    public Instant time() {
        return Instant.ofEpochSecond(timestamp);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The message an Ed25519 cosigner signs: header line, time line, then the whole checkpoint text. */
    static byte[] signedMessage(long timestamp, byte[] checkpointText) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(checkpointText.length + 40);
        out.writeBytes((HEADER + "time " + timestamp + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(checkpointText);
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cosignature that && witnessName.equals(that.witnessName) && keyId.equals(that.keyId)
                && timestamp == that.timestamp && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return (witnessName.hashCode() * 31 + keyId.hashCode()) * 31 + Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return line().strip();
    }
}
