package org.smolny.record.merkle;

/**
 * Why an inclusion or consistency proof was refused. Each case says what is wrong in {@link #message()}.
 */
public sealed interface ProofError extends ProofResult {

    /** A sentence for a person. */
    String message();

    /** The leaf index is not inside the tree. */
    record IndexOutOfRange(long index, long size) implements ProofError {
        public String message() {
            return "leaf index " + index + " is outside a tree of size " + size;
        }
    }

    /** A consistency proof asked from a larger tree to a smaller one. */
    record SizesOutOfOrder(long size1, long size2) implements ProofError {
        public String message() {
            return "a consistency proof goes from a smaller tree to a larger one, got size " + size1 + " to " + size2;
        }
    }

    /** A consistency proof from the empty tree to a non-empty one proves nothing and is refused. */
    record ProofFromEmptyTree(long size2) implements ProofError {
        public String message() {
            return "a consistency proof from the empty tree to size " + size2 + " proves nothing";
        }
    }

    /** The proof has the wrong number of hashes for the sizes (checked before any hashing). */
    record WrongProofLength(int expected, int actual) implements ProofError {
        public String message() {
            return "the proof has " + actual + " hash(es), the tree sizes need exactly " + expected;
        }
    }

    /** A hash that is not 32 bytes long. */
    record MalformedHash(String what, int length) implements ProofError {
        public String message() {
            return what + " is " + length + " bytes long, a SHA-256 hash is 32";
        }
    }

    /** The proof leads to another root than the one expected for the tree of {@code size}. */
    record RootMismatch(long size, Hash expected, Hash calculated) implements ProofError {
        public String message() {
            return "the proof leads to root " + calculated + " for size " + size + ", expected " + expected;
        }
    }

    /** Two tree heads of the same size with different roots: a fork. */
    record RootsDiffer(long size) implements ProofError {
        public String message() {
            return "two different roots for the same tree size " + size;
        }
    }
}
