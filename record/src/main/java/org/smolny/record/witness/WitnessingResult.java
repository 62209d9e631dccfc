package org.smolny.record.witness;

import java.util.List;
import java.util.Map;
import org.smolny.record.note.SignedNote;

/**
 * What gathering cosignatures produced: the verified cosignatures, why the other witnesses did not cosign,
 * and whether the k-of-N policy is met. Immutable.
 *
 * @param checkpoint   the log's signed checkpoint that was submitted
 * @param cosignatures the cosignatures, each verified with its witness's key, in the order of the witness list
 * @param failures     witness name to a sentence saying why it did not cosign
 * @param threshold    k: how many cosignatures the policy needs
 */
public record WitnessingResult(SignedNote checkpoint, List<Cosignature> cosignatures, Map<String, String> failures,
                               int threshold) {

    public WitnessingResult {
        cosignatures = List.copyOf(cosignatures);
        failures = Map.copyOf(failures);
    }

    /** Whether at least {@code threshold} witnesses cosigned. */
    public boolean policyMet() {
        return cosignatures.size() >= threshold;
    }

    /** The checkpoint with the cosignature lines appended after the log's signature(s). */
    public SignedNote cosignedCheckpoint() {
        return checkpoint.withSignatures(cosignatures.stream().map(Cosignature::toNoteSignature).toList());
    }
}
