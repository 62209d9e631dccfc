package org.smolny.record.note;

import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Arrays;
import org.smolny.record.note.internal.CanonicalBase64;
import org.smolny.record.note.internal.Ed25519;

/**
 * A secret Ed25519 key with its name and signature type, in the C2SP signed-note encoding
 * {@code PRIVATE+KEY+name+hexid+base64(type || 32-byte seed)}.
 *
 * <p>A secret: {@link #toString()} shows only the public part, {@link #equals(Object)} compares in
 * constant time, and the encoded secret is only returned by {@link #encodedSecret()}, for writing to a
 * key file readable by its owner. Immutable and safe to share between threads.
 */
public final class SignerKey {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final byte[] seed;
    private final PrivateKey privateKey;
    private final VerifierKey verifierKey;

    private SignerKey(String name, KeyType type, byte[] seed) {
        KeyNames.requireValid(name);
        this.seed = seed.clone();
        this.privateKey = Ed25519.privateKey(this.seed);
        this.verifierKey = VerifierKey.of(name, type, Ed25519.publicKeyOf(this.seed));
    }

    /** A new key from the system's strong random source. */
    public static SignerKey generate(String name, KeyType type) {
        byte[] seed = Ed25519.newSeed();
        try {
            return new SignerKey(name, type, seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Parses the encoded form; an {@link IllegalArgumentException} says which part is wrong (never echoing the secret). */
    public static SignerKey parse(String encoded) {
        if (encoded == null) {
            throw new IllegalArgumentException("signer key is missing");
        }
        encoded = encoded.strip();
        if (!encoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("signer key must start with PRIVATE+KEY+");
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("signer key must be PRIVATE+KEY+name+hexid+base64key");
        }
        String problem = KeyNames.problem(parts[0]);
        if (problem != null) {
            throw new IllegalArgumentException("signer key: " + problem);
        }
        KeyId keyId = KeyId.parseHex(parts[1]);
        byte[] typed = CanonicalBase64.decodeOrNull(parts[2]);
        if (typed == null || typed.length != 33) {
            throw new IllegalArgumentException("signer key material must be canonical base64 of 1 type byte and 32 key bytes");
        }
        KeyType type = KeyType.fromIdentifier(typed[0]);
        byte[] seed = Arrays.copyOfRange(typed, 1, 33);
        Arrays.fill(typed, (byte) 0);
        try {
            SignerKey key = new SignerKey(parts[0], type, seed);
            if (!key.keyId().equals(keyId)) {
                throw new IllegalArgumentException("key id " + keyId.hex() + " of signer key '" + parts[0]
                        + "' does not match its key (computed " + key.keyId().hex() + ")");
            }
            return key;
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The secret in its encoded form, for the owner's key file only. */
    public String encodedSecret() {
        byte[] typed = new byte[33];
        typed[0] = verifierKey.type().identifier();
        System.arraycopy(seed, 0, typed, 1, 32);
        try {
            return PREFIX + verifierKey.name() + "+" + verifierKey.keyId().hex() + "+" + CanonicalBase64.encode(typed);
        } finally {
            Arrays.fill(typed, (byte) 0);
        }
    }

    /** The matching public key. */
    public VerifierKey verifierKey() {
        return verifierKey;
    }

    public String name() {
        return verifierKey.name();
    }

    public KeyId keyId() {
        return verifierKey.keyId();
    }

    public KeyType type() {
        return verifierKey.type();
    }

    /** The raw 64-byte Ed25519 signature of {@code message} under this key. */
    public byte[] signEd25519(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignerKey that && MessageDigest.isEqual(seed, that.seed)
                && verifierKey.equals(that.verifierKey);
    }

    @Override
    public int hashCode() {
        return verifierKey.hashCode();
    }

    @Override
    public String toString() {
        return "SignerKey[" + verifierKey.name() + "+" + verifierKey.keyId().hex() + ", secret hidden]";
    }
}
