package org.smolny.record.witness;

import java.nio.ByteBuffer;
import java.time.Clock;
import org.smolny.record.note.KeyId;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.NoteSigner;
import org.smolny.record.note.SignerKey;
import org.smolny.record.note.VerifierKey;

/**
 * Makes C2SP tlog-cosignature v1 cosignatures with a witness key of type {@code 0x04}.
 * Immutable and safe to share between threads.
 */
public final class Cosigner implements NoteSigner {

    private final SignerKey key;
    private final Clock clock;

    /** A cosigner for {@code key} (type {@link KeyType#COSIGNATURE_V1}) that timestamps with {@code clock}. */
    public Cosigner(SignerKey key, Clock clock) {
        if (key.type() != KeyType.COSIGNATURE_V1) {
            throw new IllegalArgumentException("key '" + key.name() + "' is of type " + key.type()
                    + ", a cosigner needs a cosignature/v1 (0x04) key");
        }
        this.key = key;
        this.clock = clock;
    }

    /** Cosigns the checkpoint text (the note text, ending in a newline) at {@code timestamp} POSIX seconds. */
    public Cosignature cosign(byte[] checkpointText, long timestamp) {
        byte[] signature = key.signEd25519(Cosignature.signedMessage(timestamp, checkpointText));
        return new Cosignature(key.name(), key.keyId(), timestamp, signature);
    }

    /** Cosigns the checkpoint text now, by this cosigner's clock. */
    public Cosignature cosign(byte[] checkpointText) {
        return cosign(checkpointText, clock.instant().getEpochSecond());
    }

    /** The witness's public key, to give to logs and readers. */
    public VerifierKey verifierKey() {
        return key.verifierKey();
    }

    @Override
    public String name() {
        return key.name();
    }

    @Override
    public KeyId keyId() {
        return key.keyId();
    }

    /** The note signature bytes: 8-byte big-endian timestamp and the Ed25519 signature. */
    @Override
    public byte[] sign(byte[] text) {
        Cosignature cosignature = cosign(text);
        return ByteBuffer.allocate(72).putLong(cosignature.timestamp()).put(cosignature.signature()).array();
    }

    @Override
    public String toString() {
        return "Cosigner[" + key.name() + "+" + key.keyId().hex() + "]";
    }
}
