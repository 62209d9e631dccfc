package org.smolny.record.witness;

import java.util.ArrayList;
import java.util.List;
import org.smolny.record.note.NoteError;
import org.smolny.record.note.NoteException;
import org.smolny.record.note.NoteSignature;
import org.smolny.record.note.NoteVerifier;
import org.smolny.record.note.NoteVerifiers;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.VerifiedNote;

/**
 * A reader's check of a cosigned checkpoint: the log's signature must verify, and at least
 * {@code threshold} of the trusted witnesses must have cosigned it. Immutable and safe to share.
 *
 * @param witnesses the witness keys the reader trusts
 * @param threshold k: how many of them must have cosigned
 */
public record CosignaturePolicy(List<CosignatureVerifier> witnesses, int threshold) {

    public CosignaturePolicy {
        witnesses = List.copyOf(witnesses);
        if (threshold < 0 || threshold > witnesses.size()) {
            throw new IllegalArgumentException("the policy needs between 0 and " + witnesses.size()
                    + " cosignatures, got " + threshold);
        }
    }

    /**
     * What a reader learns from a cosigned checkpoint.
     *
     * @param note             the checkpoint, its log signature verified
     * @param cosignedBy       names of the trusted witnesses whose cosignature verified
     * @param threshold        k
     */
    public record Verdict(VerifiedNote note, List<String> cosignedBy, int threshold) {
        public Verdict {
            cosignedBy = List.copyOf(cosignedBy);
        }

        /** Whether k trusted witnesses cosigned. */
        public boolean met() {
            return cosignedBy.size() >= threshold;
        }
    }

    /**
     * Verifies the log's signature and every cosignature by a trusted witness; a cosignature by a trusted
     * witness that does not verify, or no valid log signature, refuses the whole note.
     */
    public Verdict check(SignedNote checkpoint, NoteVerifier log) throws NoteException {
        List<NoteVerifier> all = new ArrayList<>(witnesses);
        all.add(log);
        VerifiedNote verified = checkpoint.verify(NoteVerifiers.of(all));
        boolean logSigned = false;
        List<String> cosignedBy = new ArrayList<>();
        for (NoteSignature signature : verified.verified()) {
            if (signature.keyName().equals(log.name()) && signature.keyId().equals(log.keyId())) {
                logSigned = true;
            } else {
                cosignedBy.add(signature.keyName());
            }
        }
        if (!logSigned) {
            throw new NoteException(new NoteError.MissingSignature(log.name(), log.keyId()));
        }
        return new Verdict(verified, cosignedBy, threshold);
    }
}
