package org.smolny.ballot.proof;

import java.security.MessageDigest;
import java.util.Arrays;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.group.InvalidEncodingException;

/** The SHA-256 hash of an election's manifest (ballot spec §1), bound into every proof of that election. */
public record ManifestHash(byte[] bytes) {
    public ManifestHash {
        if (bytes == null || bytes.length != 32) {
            throw new InvalidEncodingException("a manifest hash is 32 bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public static ManifestHash ofHex(String hex) {
        return new ManifestHash(Bytes.unhex(hex));
    }

    public String hex() {
        return Bytes.hex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ManifestHash m && MessageDigest.isEqual(m.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ManifestHash[" + hex() + "]";
    }
}
