package org.smolny.verify.election;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.VerifierKey;

/**
 * Where the public record's export is and which keys the verifier trusts for checks 22–27 (ballot spec §11.7).
 * Immutable.
 *
 * @param export           a C2SP tlog-tiles export of the record (record spec §5.3), as {@code smolny record export}
 *                         writes it
 * @param logKey           the log's public key: the checkpoint must carry its signature
 * @param witnessKeys      witnesses' public keys (cosignature/v1); empty: check 23 is not run
 * @param witnessThreshold how many of them must have cosigned the checkpoint (0 when there are none)
 * @param electionId       the election's id on the record ({@code body.election}); empty: the manifest's electionId
 */
public record RecordAnchor(Path export, VerifierKey logKey, List<VerifierKey> witnessKeys, int witnessThreshold,
                           Optional<String> electionId) {

    public RecordAnchor {
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(logKey, "logKey");
        Objects.requireNonNull(electionId, "electionId");
        witnessKeys = List.copyOf(witnessKeys);
        if (logKey.type() != KeyType.ED25519) {
            throw new IllegalArgumentException("the log key '" + logKey.name() + "' is not an Ed25519 key");
        }
        for (VerifierKey witness : witnessKeys) {
            if (witness.type() != KeyType.COSIGNATURE_V1) {
                throw new IllegalArgumentException("'" + witness.name() + "' is not a witness (cosignature/v1) key");
            }
        }
        if (new HashSet<>(witnessKeys).size() != witnessKeys.size()) {
            throw new IllegalArgumentException("a witness key is given twice");
        }
        if (witnessKeys.isEmpty() ? witnessThreshold != 0 : witnessThreshold < 1 || witnessThreshold > witnessKeys.size()) {
            throw new IllegalArgumentException("the witness threshold must be 1 to the number of witness keys ("
                    + witnessKeys.size() + "), got " + witnessThreshold);
        }
        electionId.ifPresent(id -> {
            if (id.isBlank()) {
                throw new IllegalArgumentException("the election id must not be blank");
            }
        });
    }

    /** The export checked against the log key alone, for the election named in the manifest. */
    public static RecordAnchor of(Path export, VerifierKey logKey) {
        return new RecordAnchor(export, logKey, List.of(), 0, Optional.empty());
    }

    /** The same, also requiring cosignatures by at least {@code threshold} of {@code witnesses}. */
    public RecordAnchor withWitnesses(List<VerifierKey> witnesses, int threshold) {
        return new RecordAnchor(export, logKey, witnesses, threshold, electionId);
    }

    /** The same, for the election with this id on the record. */
    public RecordAnchor forElection(String id) {
        return new RecordAnchor(export, logKey, witnessKeys, witnessThreshold, Optional.of(id));
    }
}
