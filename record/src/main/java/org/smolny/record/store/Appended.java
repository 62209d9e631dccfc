package org.smolny.record.store;

import org.smolny.record.merkle.Hash;

/**
 * An entry durably appended: its index and its RFC 9162 leaf hash.
 *
 * @param index    position in the record, from 0
 * @param leafHash SHA-256(0x00 || canonical entry)
 */
public record Appended(long index, Hash leafHash) {

    public Appended {
        if (index < 0) {
            throw new IllegalArgumentException("an entry index is at least 0, got " + index);
        }
        if (leafHash == null) {
            throw new IllegalArgumentException("an appended entry has a leaf hash");
        }
    }
}
