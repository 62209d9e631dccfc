package org.smolny.record.witness;

/**
 * A witness holds a view of the log that the log's own database contradicts: the database was rolled back,
 * replaced or forked. The log must stop publishing checkpoints until an operator investigates; the CLI turns
 * this into an error message and exit code 1.
 */
public abstract sealed class LogHaltException extends Exception
        permits WitnessAheadOfLogException, WitnessHoldsOtherRootException {

    private final String witnessName;

    LogHaltException(String witnessName, String message) {
        super(message);
        this.witnessName = witnessName;
    }

    /** The witness that exposed the contradiction. */
    public String witnessName() {
        return witnessName;
    }
}
