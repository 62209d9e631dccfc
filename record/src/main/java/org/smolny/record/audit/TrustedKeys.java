package org.smolny.record.audit;

import java.util.ArrayList;
import java.util.List;
import org.smolny.record.note.Ed25519NoteVerifier;
import org.smolny.record.note.NoteVerifier;
import org.smolny.record.note.NoteVerifiers;
import org.smolny.record.note.VerifierKey;
import org.smolny.record.witness.CosignatureVerifier;

/**
 * The keys an audit trusts: the log's Ed25519 key (checkpoints must carry its signature) and the witnesses'
 * cosignature keys (their cosignatures are verified and counted). Immutable.
 *
 * @param log       the log's public key, or null to leave signatures unchecked
 * @param witnesses the witnesses' public keys (type cosignature/v1)
 */
public record TrustedKeys(VerifierKey log, List<VerifierKey> witnesses) {

    public TrustedKeys {
        witnesses = List.copyOf(witnesses);
        if (log == null && !witnesses.isEmpty()) {
            throw new IllegalArgumentException("witness keys are checked together with the log's key; give the log's key");
        }
    }

    /** Nothing trusted: signatures are not checked (the report says so). */
    public static TrustedKeys none() {
        return new TrustedKeys(null, List.of());
    }

    /** Only the log's key. */
    public static TrustedKeys log(VerifierKey log) {
        return new TrustedKeys(log, List.of());
    }

    /** Whether signatures can be checked. */
    public boolean checksSignatures() {
        return log != null;
    }

    NoteVerifiers verifiers() {
        List<NoteVerifier> verifiers = new ArrayList<>();
        verifiers.add(new Ed25519NoteVerifier(log));
        witnesses.forEach(key -> verifiers.add(new CosignatureVerifier(key)));
        return NoteVerifiers.of(verifiers);
    }
}
