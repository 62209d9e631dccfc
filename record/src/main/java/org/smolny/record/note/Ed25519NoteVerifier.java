package org.smolny.record.note;

import java.security.PublicKey;
import org.smolny.record.note.internal.Ed25519;

/** Verifies Ed25519 (type {@code 0x01}) note signatures of one key. Immutable and safe to share between threads. */
public final class Ed25519NoteVerifier implements NoteVerifier {

    private final VerifierKey key;
    private final PublicKey publicKey;

    /** A verifier for {@code key}, which must be of type {@link KeyType#ED25519}. */
    public Ed25519NoteVerifier(VerifierKey key) {
        if (key.type() != KeyType.ED25519) {
            throw new IllegalArgumentException("key '" + key.name() + "' is of type " + key.type()
                    + ", a note verifier needs an Ed25519 (0x01) key");
        }
        this.key = key;
        this.publicKey = Ed25519.publicKey(key.publicKey());
    }

    /** Parses an encoded verifier key ({@code name+hexid+base64}) of type 0x01. */
    public static Ed25519NoteVerifier parse(String encoded) {
        return new Ed25519NoteVerifier(VerifierKey.parse(encoded));
    }

    public VerifierKey key() {
        return key;
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
        return Ed25519.SIGNATURE_LENGTH;
    }

    @Override
    public boolean verify(byte[] text, byte[] signature) {
        return Ed25519.verify(publicKey, text, signature);
    }

    @Override
    public String toString() {
        return "Ed25519NoteVerifier[" + key.encoded() + "]";
    }
}
