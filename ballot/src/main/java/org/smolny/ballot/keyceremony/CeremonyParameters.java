package org.smolny.ballot.keyceremony;

/** n trustees, of whom any k (the threshold) can decrypt (ballot spec §6). Immutable. */
public record CeremonyParameters(int trustees, int threshold) {
    public CeremonyParameters {
        if (trustees < 1 || trustees > 255) {
            throw new IllegalArgumentException("the number of trustees must be 1 to 255, got " + trustees);
        }
        if (threshold < 1 || threshold > trustees) {
            throw new IllegalArgumentException("the threshold must be 1 to " + trustees + ", got " + threshold);
        }
    }

    public void checkIndex(int index) {
        if (index < 1 || index > trustees) {
            throw new IllegalArgumentException("trustee index must be 1 to " + trustees + ", got " + index);
        }
    }
}
