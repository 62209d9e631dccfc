package org.smolny.record.note.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) through the JDK's {@code SunEC} provider, on raw 32-byte keys.
 * Stateless; every method is safe to call from any thread.
 */
public final class Ed25519 {

    /** Length of a seed (private key), a public key: 32 bytes; of a signature: 64 bytes. */
    public static final int KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    /** DER prefix of an X.509 SubjectPublicKeyInfo holding an Ed25519 key (RFC 8410): the raw key follows. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519() {
    }

    /** A fresh 32-byte seed from the system's strong random source. */
    public static byte[] newSeed() {
        byte[] seed = new byte[KEY_LENGTH];
        try {
            SecureRandom.getInstanceStrong().nextBytes(seed);
        } catch (GeneralSecurityException e) {
            new SecureRandom().nextBytes(seed);
        }
        return seed;
    }

    /**
     * The public key of a seed. The JDK has no public call for this, so the key pair generator is
     * fed the seed as its only random input (it draws exactly the 32 private-key bytes from it);
     * the result is checked to hold that very seed.
     */
    public static byte[] publicKeyOf(byte[] seed) {
        requireLength(seed, KEY_LENGTH, "Ed25519 private key");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedAsRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] generatedSeed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            if (!MessageDigest.isEqual(generatedSeed, seed)) {
                throw new IllegalStateException("the JDK's Ed25519 key generator did not use the given seed");
            }
            byte[] spki = pair.getPublic().getEncoded();
            return Arrays.copyOfRange(spki, spki.length - KEY_LENGTH, spki.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** A JDK private key for a seed. */
    public static PrivateKey privateKey(byte[] seed) {
        requireLength(seed, KEY_LENGTH, "Ed25519 private key");
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed.clone()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** A JDK public key for 32 raw bytes; an {@link IllegalArgumentException} if the JDK refuses them. */
    public static PublicKey publicKey(byte[] raw) {
        requireLength(raw, KEY_LENGTH, "Ed25519 public key");
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_LENGTH);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, KEY_LENGTH);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** The 64-byte signature of {@code message}. */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} is a valid signature of {@code message}; false for any malformed input. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    private static void requireLength(byte[] bytes, int length, String what) {
        if (bytes == null || bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got "
                    + (bytes == null ? "none" : bytes.length));
        }
    }

    /** Hands out one seed, once; anything else is a programming error. */
    private static final class SeedAsRandom extends SecureRandom {
        private final byte[] seed;
        private boolean used;

        SeedAsRandom(byte[] seed) {
            super(new byte[0]);
            this.seed = seed;
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            if (used || bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 key generator asked for unexpected random bytes");
            }
            used = true;
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
