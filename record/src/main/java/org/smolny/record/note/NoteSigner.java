package org.smolny.record.note;

/** Something that signs note texts under a key name and key id (a log key, a witness key). */
public interface NoteSigner {

    /** The key name written on the signature line. */
    String name();

    /** The key id written before the signature bytes. */
    KeyId keyId();

    /** The signature bytes (without the key id) over the note text, which ends in a newline. */
    byte[] sign(byte[] text);
}
