package org.smolny.ballot.proof;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.Scalar;

/**
 * An ordered list of typed items (ballot spec §3 eq 1): each item is a one-byte tag, a 4-byte big-endian length and
 * the item's bytes. Used for the statement and for the commitments of a proof. Not thread-safe.
 */
public final class Transcript {
    static final int TAG_ELEMENT = 0x01;
    static final int TAG_SCALAR = 0x02;
    static final int TAG_INTEGER = 0x03;
    static final int TAG_BYTES = 0x04;
    static final int TAG_TEXT = 0x05;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private int count;

    public Transcript element(GroupElement element) {
        return item(TAG_ELEMENT, element.encode());
    }

    public Transcript elements(Iterable<GroupElement> elements) {
        for (GroupElement e : elements) {
            element(e);
        }
        return this;
    }

    public Transcript scalar(Scalar scalar) {
        return item(TAG_SCALAR, scalar.encode());
    }

    /** An integer ≥ 0 as 8 bytes big-endian. */
    public Transcript integer(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("transcript integers are not negative");
        }
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (56 - 8 * i));
        }
        return item(TAG_INTEGER, b);
    }

    public Transcript bytes(byte[] bytes) {
        return item(TAG_BYTES, bytes);
    }

    public Transcript text(String text) {
        return item(TAG_TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends every item of another transcript (a caller's context after a proof's own statement). */
    public Transcript append(Transcript other) {
        out.writeBytes(other.toBytes());
        count += other.count;
        return this;
    }

    private Transcript item(int tag, byte[] bytes) {
        out.write(tag);
        writeLength(out, bytes.length);
        out.writeBytes(bytes);
        count++;
        return this;
    }

    static void writeLength(ByteArrayOutputStream out, int length) {
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
    }

    int count() {
        return count;
    }

    /** The encoded items (ballot spec §3 eq 1), e.g. to hash a ballot (§7.2). */
    public byte[] encoded() {
        return toBytes();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
