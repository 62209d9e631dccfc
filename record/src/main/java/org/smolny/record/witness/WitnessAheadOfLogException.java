package org.smolny.record.witness;

/** A witness has cosigned a larger tree than the log's own latest checkpoint: the log's database went back in time. */
public final class WitnessAheadOfLogException extends LogHaltException {

    private final long witnessSize;
    private final long logSize;

    public WitnessAheadOfLogException(String witnessName, long witnessSize, long logSize) {
        super(witnessName, "witness " + witnessName + " has cosigned a tree of size " + witnessSize
                + ", larger than this log's checkpoint of size " + logSize
                + ": the log's database was rolled back or replaced; stop and restore it from a copy holding at least "
                + witnessSize + " entries");
        this.witnessSize = witnessSize;
        this.logSize = logSize;
    }

    public long witnessSize() {
        return witnessSize;
    }

    public long logSize() {
        return logSize;
    }
}
