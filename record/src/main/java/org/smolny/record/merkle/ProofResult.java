package org.smolny.record.merkle;

/**
 * The outcome of verifying a proof: {@link Verified}, or a {@link ProofError} saying what is wrong.
 */
public sealed interface ProofResult permits ProofResult.Verified, ProofError {

    /** Whether the proof holds. */
    default boolean isVerified() {
        return this instanceof Verified;
    }

    /** Throws a {@link ProofException} carrying the error unless the proof holds. */
    default void orThrow() {
        if (this instanceof ProofError error) {
            throw new ProofException(error);
        }
    }

    /** The proof holds. */
    record Verified() implements ProofResult {
        static final Verified INSTANCE = new Verified();
    }
}
