package org.smolny.record.note;

import java.security.MessageDigest;
import org.smolny.record.note.internal.CanonicalBase64;
import java.util.Base64;

/**
 * A public key in the C2SP signed-note encoding {@code name+hexid+base64(type || public key)},
 * for example {@code PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}.
 * Immutable. The compact constructor checks the name, the key length and that the key id is the one
 * computed from name, type and key.
 *
 * @param name      the key name
 * @param keyId     the key id
 * @param type      the signature type
 * @param publicKey the 32-byte Ed25519 public key
 */
public record VerifierKey(String name, KeyId keyId, KeyType type, byte[] publicKey) {

    public VerifierKey {
        KeyNames.requireValid(name);
        if (publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException("public key of '" + name + "' must be 32 bytes");
        }
        publicKey = publicKey.clone();
        KeyId computed = KeyId.of(name, type, publicKey);
        if (!computed.equals(keyId)) {
            throw new IllegalArgumentException("key id " + keyId.hex() + " of key '" + name
                    + "' does not match its public key (computed " + computed.hex() + ")");
        }
    }

    /** The key of {@code publicKey} under {@code name}, its key id computed. */
    public static VerifierKey of(String name, KeyType type, byte[] publicKey) {
        return new VerifierKey(name, KeyId.of(name, type, publicKey), type, publicKey);
    }

    /** Parses the encoded form; an {@link IllegalArgumentException} says which part is wrong. */
    public static VerifierKey parse(String encoded) {
        if (encoded == null) {
            throw new IllegalArgumentException("verifier key is missing");
        }
        encoded = encoded.strip();
        if (encoded.startsWith("PRIVATE+KEY+")) {
            throw new IllegalArgumentException("this is a private signer key, not a public verifier key");
        }
        String[] parts = encoded.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("verifier key must be name+hexid+base64key, got " + parts.length + " part(s)");
        }
        String problem = KeyNames.problem(parts[0]);
        if (problem != null) {
            throw new IllegalArgumentException("verifier key: " + problem);
        }
        KeyId keyId = KeyId.parseHex(parts[1]);
        byte[] typed = CanonicalBase64.decode(parts[2], "verifier key");
        if (typed.length != 33) {
            throw new IllegalArgumentException("verifier key material must be 1 type byte and 32 key bytes, got "
                    + typed.length + " bytes");
        }
        KeyType type = KeyType.fromIdentifier(typed[0]);
        byte[] key = new byte[32];
        System.arraycopy(typed, 1, key, 0, 32);
        return new VerifierKey(parts[0], keyId, type, key);
    }

    /** The encoded form {@code name+hexid+base64(type || public key)}. */
    public String encoded() {
        byte[] typed = new byte[33];
        typed[0] = type.identifier();
        System.arraycopy(publicKey, 0, typed, 1, 32);
        return name + "+" + keyId.hex() + "+" + Base64.getEncoder().encodeToString(typed);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey that && name.equals(that.name) && keyId.equals(that.keyId)
                && type == that.type && MessageDigest.isEqual(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + keyId.hashCode();
    }

    @Override
    public String toString() {
        return encoded();
    }
}
