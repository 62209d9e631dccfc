package org.smolny.record.witness;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import org.smolny.record.note.KeyId;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.NoteSignature;
import org.smolny.record.note.NoteVerifier;
import org.smolny.record.note.VerifierKey;
import org.smolny.record.note.internal.Ed25519;

/**
 * Verifies C2SP tlog-cosignature v1 cosignatures of one witness. As a {@link NoteVerifier} it checks a
 * cosignature line of a checkpoint note. Immutable and safe to share between threads.
 */
public final class CosignatureVerifier implements NoteVerifier {

    private final VerifierKey key;
    private final PublicKey publicKey;

    /** A verifier for the witness key {@code key}, which must be of type {@link KeyType#COSIGNATURE_V1}. */
    public CosignatureVerifier(VerifierKey key) {
        if (key.type() != KeyType.COSIGNATURE_V1) {
            throw new IllegalArgumentException("key '" + key.name() + "' is of type " + key.type()
                    + ", a witness key must be of type cosignature/v1 (0x04)");
        }
        this.key = key;
        this.publicKey = Ed25519.publicKey(key.publicKey());
    }

    /** Parses an encoded witness verifier key ({@code name+hexid+base64(0x04 || key)}). */
    public static CosignatureVerifier parse(String encoded) {
        return new CosignatureVerifier(VerifierKey.parse(encoded));
    }

    public VerifierKey key() {
        return key;
    }

    /** Whether {@code cosignature} is by this witness and valid over the checkpoint text. */
    public boolean verify(byte[] checkpointText, Cosignature cosignature) {
        return cosignature.witnessName().equals(key.name()) && cosignature.keyId().equals(key.keyId())
                && Ed25519.verify(publicKey, Cosignature.signedMessage(cosignature.timestamp(), checkpointText),
                        cosignature.signature());
    }

    /** Whether the signature line is a valid cosignature by this witness. */
    public boolean verify(byte[] checkpointText, NoteSignature line) {
        try {
            return verify(checkpointText, Cosignature.fromNoteSignature(line));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    @Override
    public String name() {
        return key.name();
    }

    @Override
    public KeyId keyId() {
        return key.keyId();
    }

    @Override
    public int signatureLength() {
        return KeyType.COSIGNATURE_V1.signatureLength();
    }

    @Override
    public boolean verify(byte[] text, byte[] signature) {
        if (signature.length != signatureLength()) {
            return false;
        }
        long timestamp = ByteBuffer.wrap(signature, 0, 8).getLong();
        if (timestamp < 0) {
            return false;
        }
        byte[] ed25519 = new byte[64];
        System.arraycopy(signature, 8, ed25519, 0, 64);
        return Ed25519.verify(publicKey, Cosignature.signedMessage(timestamp, text), ed25519);
    }

    @Override
    public String toString() {
        return "CosignatureVerifier[" + key.encoded() + "]";
    }
}
