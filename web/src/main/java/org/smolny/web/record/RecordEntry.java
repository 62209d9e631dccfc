package org.smolny.web.record;

import java.util.Objects;

/**
 * One entry of the record.
 *
 * @param index    its position, from 0
 * @param type     the envelope's {@code type}, such as {@code member.admitted}
 * @param json     the entry exactly as stored: canonical (RFC 8785) JSON
 * @param leafHash its RFC 9162 leaf hash, SHA-256(0x00 || entry bytes)
 */
public record RecordEntry(long index, String type, String json, byte[] leafHash) {

    public RecordEntry {
        if (index < 0) {
            throw new IllegalArgumentException("An entry's index is at least 0, not " + index);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
        if (leafHash == null || leafHash.length != 32) {
            throw new IllegalArgumentException("An entry's leaf hash is 32 bytes");
        }
        leafHash = leafHash.clone();
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }
}
