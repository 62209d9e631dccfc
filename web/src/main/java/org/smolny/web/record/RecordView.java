package org.smolny.web.record;

import java.util.List;
import java.util.Optional;

/**
 * What the record's pages read from the record: its entries, its latest signed checkpoint with
 * the witnesses' cosignatures, and Merkle proofs. The application implements it over the
 * record store; the pages never write.
 *
 * <p>Implementations are thread-safe: every request reads through the same instance.
 */
public interface RecordView {

    /** The number of entries in the record. */
    long size();

    /** Entries {@code from} .. {@code from + count - 1} (fewer at the end of the record), oldest first. */
    List<RecordEntry> entries(long from, int count);

    /** The entry at {@code index}, which is below {@link #size()}. */
    RecordEntry entry(long index);

    /** The latest signed checkpoint and its cosignatures, or empty while none has been signed. */
    Optional<SignedCheckpoint> latestCheckpoint();

    /** The RFC 9162 inclusion proof of entry {@code index} in the tree of the first {@code size} entries ({@code index < size <= size()}). */
    List<byte[]> inclusionProof(long index, long size);

    /** The RFC 9162 consistency proof between the trees of the first {@code from} and {@code to} entries ({@code 0 < from <= to <= size()}). */
    List<byte[]> consistencyProof(long from, long to);
}
