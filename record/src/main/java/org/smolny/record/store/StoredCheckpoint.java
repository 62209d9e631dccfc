package org.smolny.record.store;

import java.time.Instant;
import java.util.List;
import org.smolny.record.merkle.Hash;

/**
 * A signed checkpoint as stored, with the witness cosignatures gathered for it.
 *
 * @param size          tree size
 * @param root          root hash of the tree of that size
 * @param note          the whole signed note (C2SP signed-note text, signature lines included)
 * @param signedAt      when the log signed it
 * @param cosignatures  cosignatures stored for it, in the order added
 */
public record StoredCheckpoint(long size, Hash root, String note, Instant signedAt, List<StoredCosignature> cosignatures) {

    public StoredCheckpoint {
        if (size < 0) {
            throw new IllegalArgumentException("a checkpoint size is at least 0, got " + size);
        }
        if (root == null || note == null || note.isEmpty() || signedAt == null) {
            throw new IllegalArgumentException("a stored checkpoint has a root, a note and a signing time");
        }
        cosignatures = List.copyOf(cosignatures);
    }

    /** The signed note with every stored cosignature line appended after the log's own signatures. */
    public String noteWithCosignatures() {
        StringBuilder text = new StringBuilder(note);
        for (StoredCosignature cosignature : cosignatures) {
            if (!note.contains(cosignature.line() + "\n")) {
                text.append(cosignature.line()).append('\n');
            }
        }
        return text.toString();
    }
}
