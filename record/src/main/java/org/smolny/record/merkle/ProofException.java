package org.smolny.record.merkle;

/** Thrown by {@link ProofResult#orThrow()} when a proof does not hold; carries the typed {@link ProofError}. */
public final class ProofException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ProofError error;

    public ProofException(ProofError error) {
        super(error.message());
        this.error = error;
    }

    /** What is wrong with the proof. */
    public ProofError error() {
        return error;
    }
}
