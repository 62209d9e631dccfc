package org.smolny.record.witness.internal;

import org.smolny.record.merkle.Hash;
import org.smolny.record.note.internal.CanonicalBase64;

/**
 * The first three lines of a C2SP tlog-checkpoint note text: origin, tree size, root hash; extension
 * lines after them must be non-empty. Read only from a text whose signature was verified. Immutable.
 *
 * @param origin   the origin line
 * @param size     the tree size
 * @param rootHash the root hash
 */
public record CheckpointLines(String origin, long size, Hash rootHash) {

    /** The origin: the text up to its first newline (used to choose the keys to verify with). */
    public static String originOf(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Parses a checkpoint text; an {@link IllegalArgumentException} says which line is wrong. */
    public static CheckpointLines parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("checkpoint text does not end in a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("checkpoint text has " + lines.length
                    + " line(s); origin, size and root hash are required");
        }
        if (lines[0].isEmpty()) {
            throw new IllegalArgumentException("checkpoint origin (line 1) is empty");
        }
        String digits = lines[1];
        boolean canonical = !digits.isEmpty() && digits.length() <= 19 && (digits.length() == 1 || digits.charAt(0) != '0')
                && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        long size;
        try {
            size = canonical ? Long.parseLong(digits) : -1;
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 0) {
            throw new IllegalArgumentException("checkpoint tree size (line 2) '" + digits
                    + "' is not a decimal number without leading zeroes");
        }
        byte[] root = CanonicalBase64.decodeOrNull(lines[2]);
        if (root == null || root.length != 32) {
            throw new IllegalArgumentException("checkpoint root hash (line 3) is not canonical base64 of 32 bytes");
        }
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new IllegalArgumentException("checkpoint extension line " + (i + 1) + " is empty");
            }
        }
        return new CheckpointLines(lines[0], size, new Hash(root));
    }
}
