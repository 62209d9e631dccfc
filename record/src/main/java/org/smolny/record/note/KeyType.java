package org.smolny.record.note;

/**
 * The signature type identifier bytes of C2SP signed-note that Smolny uses.
 * The byte enters both the key id hash and the encoded keys.
 */
public enum KeyType {
    /** {@code 0x01}: Ed25519 signatures over the note text (C2SP signed-note, "Ed25519 signatures"). */
    ED25519((byte) 0x01, 64),
    /** {@code 0x04}: timestamped Ed25519 witness cosignatures (C2SP tlog-cosignature, version 1). */
    COSIGNATURE_V1((byte) 0x04, 8 + 64);

    private final byte identifier;
    private final int signatureLength;

    KeyType(byte identifier, int signatureLength) {
        this.identifier = identifier;
        this.signatureLength = signatureLength;
    }

    /** The signature type identifier byte. */
    public byte identifier() {
        return identifier;
    }

    /** Length in bytes of a signature of this type, without the 4-byte key id. */
    public int signatureLength() {
        return signatureLength;
    }

    /** The type with this identifier byte, or an {@link IllegalArgumentException} naming the byte. */
    public static KeyType fromIdentifier(byte identifier) {
        for (KeyType type : values()) {
            if (type.identifier == identifier) {
                return type;
            }
        }
        throw new IllegalArgumentException(String.format(
                "unsupported signature type 0x%02x (Smolny knows 0x01 Ed25519 and 0x04 cosignature/v1)", identifier & 0xff));
    }
}
