package org.smolny.ballot.keyceremony;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.SecretScalar;
import org.smolny.ballot.proof.ManifestHash;

/**
 * Hashed-ElGamal (ECIES-style) encryption of one key share to a trustee's transport key, with the JDK's AES-256-GCM
 * (ballot spec §6.3 eq 30–32). Stateless.
 */
public final class ShareEncryption {
    private static final byte[] KEY_LABEL = "smolny/ballot/v1/share-key".getBytes(StandardCharsets.US_ASCII);
    private static final int TAG_BITS = 128;

    private ShareEncryption() {
    }

    public static EncryptedShare encrypt(ManifestHash manifestHash, int sender, int recipient,
                                         GroupElement recipientKey, SecretScalar share, SecureRandom random) {
        Group group = recipientKey.group();
        SecretScalar e = group.randomSecret(random);
        GroupElement ephemeral = group.powerOfGenerator(e);
        GroupElement shared = recipientKey.power(e);
        byte[] key = deriveKey(manifestHash, sender, recipient, ephemeral, recipientKey, shared);
        byte[] body = aesGcm(Cipher.ENCRYPT_MODE, key, aad(manifestHash, sender, recipient), share.revealEncoding());
        return new EncryptedShare(sender, recipient, ephemeral, body);
    }

    /** The share, or empty if the ciphertext does not authenticate under the recipient's transport secret. */
    public static Optional<SecretScalar> decrypt(ManifestHash manifestHash, EncryptedShare encrypted,
                                                 GroupElement recipientKey, SecretScalar transportSecret) {
        Group group = recipientKey.group();
        GroupElement shared = encrypted.ephemeral().power(transportSecret);
        byte[] key = deriveKey(manifestHash, encrypted.sender(), encrypted.recipient(), encrypted.ephemeral(),
                recipientKey, shared);
        byte[] plain;
        try {
            plain = aesGcm(Cipher.DECRYPT_MODE, key, aad(manifestHash, encrypted.sender(), encrypted.recipient()),
                    encrypted.ciphertext());
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
        java.math.BigInteger v = new java.math.BigInteger(1, plain);
        java.util.Arrays.fill(plain, (byte) 0);
        if (v.signum() == 0 || v.compareTo(group.order()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(group.secret(v));
    }

    // eq 31: key = SHA-256(label || manifest hash || i || j || E || T_j || Z)
    private static byte[] deriveKey(ManifestHash manifestHash, int sender, int recipient, GroupElement ephemeral,
                                    GroupElement recipientKey, GroupElement shared) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(KEY_LABEL);
            sha.update(manifestHash.bytes());
            sha.update(int32(sender));
            sha.update(int32(recipient));
            sha.update(ephemeral.encode());
            sha.update(recipientKey.encode());
            sha.update(shared.encode());
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static byte[] aad(ManifestHash manifestHash, int sender, int recipient) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(manifestHash.bytes());
        out.writeBytes(int32(sender));
        out.writeBytes(int32(recipient));
        return out.toByteArray();
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    // eq 32: AES-256-GCM with a zero 96-bit IV; the key is used once, as E is fresh for every share
    private static byte[] aesGcm(int mode, byte[] key, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, new byte[12]));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }
}
