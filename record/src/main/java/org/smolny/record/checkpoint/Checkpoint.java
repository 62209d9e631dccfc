package org.smolny.record.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.smolny.record.merkle.Hash;
import org.smolny.record.note.NoteException;
import org.smolny.record.note.NoteSigner;
import org.smolny.record.note.NoteVerifiers;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.VerifiedNote;

/**
 * The body of a C2SP tlog-checkpoint (record spec §4): the log's origin, the tree size, the base64 root hash, and optional
 * extension lines, each line ending in a newline. Signed as a C2SP signed note. Immutable; an invalid
 * checkpoint cannot be built.
 *
 * @param origin     the log's unique identity, a schema-less URL by convention
 * @param size       number of entries
 * @param root       RFC 9162 root hash of the first {@code size} entries
 * @param extensions extra non-empty lines after the root hash
 */
public record Checkpoint(String origin, long size, Hash root, List<String> extensions) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a checkpoint size is at least 0, got " + size);
        }
        if (root == null) {
            throw new IllegalArgumentException("a checkpoint has a root hash");
        }
        extensions = List.copyOf(extensions);
        for (String line : extensions) {
            if (line.isEmpty() || line.contains("\n")) {
                throw new IllegalArgumentException("a checkpoint extension is one non-empty line");
            }
        }
    }

    /** A checkpoint without extension lines. */
    public static Checkpoint of(String origin, long size, Hash root) {
        return new Checkpoint(origin, size, root, List.of());
    }

    /** The note text: origin, size, base64 root, extensions, each followed by a newline. */
    public String text() {
        StringBuilder text = new StringBuilder().append(origin).append('\n').append(size).append('\n')
                .append(root.base64()).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** Signs this checkpoint as a C2SP signed note. */
    public SignedNote sign(NoteSigner... signers) {
        return SignedNote.sign(text(), signers);
    }

    /**
     * Opens a signed checkpoint: verifies the note's signatures with {@code verifiers} first, then parses the text.
     *
     * @throws NoteException the note is malformed or no trusted signature verifies
     */
    public static Checkpoint open(String signedNote, NoteVerifiers verifiers) throws NoteException {
        VerifiedNote verified = SignedNote.open(signedNote.getBytes(StandardCharsets.UTF_8), verifiers);
        return parse(verified.text());
    }

    /** Parses a checkpoint text; an {@link IllegalArgumentException} names the line that is wrong. */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint text ends in a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash line; got " + lines.length + " line(s)");
        }
        String digits = lines[1];
        if (digits.isEmpty() || digits.length() > 19 || (digits.length() > 1 && digits.charAt(0) == '0')
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("checkpoint line 2 is not a tree size in decimal: '" + digits + "'");
        }
        long size;
        try {
            size = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("checkpoint line 2 is too large a tree size: '" + digits + "'", e);
        }
        Hash root;
        try {
            root = Hash.fromBase64(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint line 3 is not a base64 root hash: " + e.getMessage(), e);
        }
        List<String> extensions = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new IllegalArgumentException("checkpoint line " + (i + 1) + " is empty");
            }
            extensions.add(lines[i]);
        }
        if (lines[0].isEmpty()) {
            throw new IllegalArgumentException("checkpoint line 1 (the origin) is empty");
        }
        return new Checkpoint(lines[0], size, root, extensions);
    }
}
