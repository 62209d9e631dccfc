package org.smolny.record.note;

/**
 * Signs note texts with an Ed25519 key of signature type {@code 0x01} (C2SP signed-note): the signature
 * is Ed25519 over the note text. Immutable and safe to share between threads.
 */
public final class Ed25519NoteSigner implements NoteSigner {

    private final SignerKey key;

    /** A signer for {@code key}, which must be of type {@link KeyType#ED25519}. */
    public Ed25519NoteSigner(SignerKey key) {
        if (key.type() != KeyType.ED25519) {
            throw new IllegalArgumentException("key '" + key.name() + "' is of type " + key.type()
                    + ", a note signer needs an Ed25519 (0x01) key");
        }
        this.key = key;
    }

    @Override
    public String name() {
        return key.name();
    }

    @Override
    public KeyId keyId() {
        return key.keyId();
    }

    /** The public key of this signer. */
    public VerifierKey verifierKey() {
        return key.verifierKey();
    }

    @Override
    public byte[] sign(byte[] text) {
        return key.signEd25519(text);
    }

    @Override
    public String toString() {
        return "Ed25519NoteSigner[" + key.name() + "+" + key.keyId().hex() + "]";
    }
}
