package org.smolny.ballot.keyceremony;

import java.util.Objects;
import org.smolny.ballot.group.GroupElement;

/**
 * The share Pᵢ(j) that trustee i (sender) sends to trustee j (recipient), encrypted to j's transport key with hashed
 * ElGamal and AES-256-GCM (ballot spec §6.3): an ephemeral element E = g^e and the GCM ciphertext with its tag.
 * Immutable.
 */
public record EncryptedShare(int sender, int recipient, GroupElement ephemeral, byte[] ciphertext) {
    public EncryptedShare {
        Objects.requireNonNull(ephemeral, "ephemeral");
        if (ciphertext == null || ciphertext.length != 48) {
            throw new IllegalArgumentException("an encrypted share is 48 bytes (32-byte share and 16-byte GCM tag)");
        }
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }
}
