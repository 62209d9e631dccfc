package org.smolny.ballot.vectors;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Test-only randomness that returns given 32-byte values in order, so that encryption and proofs are reproducible
 * for test vectors. Never used outside tests; it refuses any request it was not prepared for.
 */
final class FixedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient Deque<byte[]> values = new ArrayDeque<>();

    FixedRandom then(byte[] value) {
        values.add(value.clone());
        return this;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = values.poll();
        if (next == null || next.length != bytes.length) {
            throw new IllegalStateException("FixedRandom: no prepared value of " + bytes.length + " bytes");
        }
        System.arraycopy(next, 0, bytes, 0, bytes.length);
    }

    boolean exhausted() {
        return values.isEmpty();
    }
}
