package org.smolny.record.witness;

/** A witness has cosigned another root hash for the very size of the log's checkpoint: the log is forked. */
public final class WitnessHoldsOtherRootException extends LogHaltException {

    private final long size;

    public WitnessHoldsOtherRootException(String witnessName, long size) {
        super(witnessName, "witness " + witnessName + " has cosigned a different root hash for size " + size
                + " than this log's checkpoint: the log's history was rewritten (a fork); stop and investigate");
        this.size = size;
    }

    public long size() {
        return size;
    }
}
