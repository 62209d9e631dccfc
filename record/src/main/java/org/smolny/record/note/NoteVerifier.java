package org.smolny.record.note;

/** Something that checks note signatures made under one key name and key id. */
public interface NoteVerifier {

    /** The key name this verifier answers for. */
    String name();

    /** The key id this verifier answers for. */
    KeyId keyId();

    /** The exact length of a valid signature (without the key id), checked before any cryptography. */
    int signatureLength();

    /** Whether {@code signature} (without the key id) is valid over the note {@code text}. */
    boolean verify(byte[] text, byte[] signature);
}
