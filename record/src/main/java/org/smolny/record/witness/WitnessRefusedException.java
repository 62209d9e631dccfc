package org.smolny.record.witness;

/** A witness did not cosign (an error status, an invalid answer, no answer in time); the message says why. */
public final class WitnessRefusedException extends Exception {

    private final String witnessName;
    private final int status;

    public WitnessRefusedException(String witnessName, int status, String message) {
        super(message);
        this.witnessName = witnessName;
        this.status = status;
    }

    public String witnessName() {
        return witnessName;
    }

    /** The HTTP status, or 0 if there was no HTTP answer. */
    public int status() {
        return status;
    }
}
