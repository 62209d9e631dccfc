package org.smolny.record.note;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A note whose signatures were checked: at least one is by a trusted key, and every signature by a
 * trusted key verified. Only now may its text be handed to a parser. Immutable.
 *
 * @param note     the note as received
 * @param verified the signatures by trusted keys, all valid (one per key)
 * @param others   the signatures by keys the reader does not know, kept but not checked
 */
public record VerifiedNote(SignedNote note, List<NoteSignature> verified, List<NoteSignature> others) {

    public VerifiedNote {
        verified = List.copyOf(verified);
        others = List.copyOf(others);
        if (verified.isEmpty()) {
            throw new IllegalArgumentException("a verified note has at least one verified signature");
        }
    }

    /** The verified text, ending in a newline. */
    public String text() {
        return note.text();
    }

    /** The verified text as UTF-8 bytes. */
    public byte[] textBytes() {
        return note.text().getBytes(StandardCharsets.UTF_8);
    }
}
