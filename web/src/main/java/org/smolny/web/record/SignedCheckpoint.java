package org.smolny.web.record;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The record's latest checkpoint: the C2SP signed note exactly as published, what it says, and
 * the witnesses' cosignatures on it.
 *
 * @param note         the signed note, verbatim (checkpoint text, blank line, signature lines)
 * @param origin       the log's origin line
 * @param size         the number of entries it commits to
 * @param rootHash     the Merkle tree hash of those entries
 * @param logSignatureValid whether the log's own signature verifies with the log's public key
 * @param logKey       the log's public key in the C2SP verifier-key encoding ({@code name+id+base64}), empty if unknown
 * @param cosignatures the witnesses' cosignatures, each checked with that witness's public key
 */
public record SignedCheckpoint(String note, String origin, long size, byte[] rootHash, boolean logSignatureValid,
                               String logKey, List<WitnessCosignature> cosignatures) {

    public SignedCheckpoint {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(origin, "origin");
        if (size < 0) {
            throw new IllegalArgumentException("A checkpoint's size is at least 0, not " + size);
        }
        if (rootHash == null || rootHash.length != 32) {
            throw new IllegalArgumentException("A checkpoint's root hash is 32 bytes");
        }
        rootHash = rootHash.clone();
        Objects.requireNonNull(logKey, "logKey");
        cosignatures = List.copyOf(cosignatures);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /**
     * A witness's cosignature on the checkpoint.
     *
     * @param witness  the witness's name (its key name)
     * @param keyId    the key id, 8 hex digits
     * @param signedAt when the witness cosigned
     * @param valid    whether the cosignature verifies with the witness's public key
     */
    public record WitnessCosignature(String witness, String keyId, Instant signedAt, boolean valid) {
        public WitnessCosignature {
            Objects.requireNonNull(witness, "witness");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(signedAt, "signedAt");
        }
    }
}
