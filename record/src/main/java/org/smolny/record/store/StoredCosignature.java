package org.smolny.record.store;

import java.time.Instant;

/**
 * A witness cosignature of a checkpoint, as the witness returned it.
 *
 * @param size    tree size of the checkpoint cosigned
 * @param witness the witness's key name
 * @param keyId   the witness's key id, 8 hex digits
 * @param line    the signature line ({@code — name base64}), without newline
 * @param addedAt when it was stored
 */
public record StoredCosignature(long size, String witness, String keyId, String line, Instant addedAt) {

    public StoredCosignature {
        if (witness == null || witness.isEmpty() || keyId == null || line == null || line.isEmpty() || line.contains("\n")) {
            throw new IllegalArgumentException("a cosignature has a witness name, a key id and one signature line");
        }
    }
}
