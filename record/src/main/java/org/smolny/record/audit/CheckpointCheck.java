package org.smolny.record.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.smolny.record.checkpoint.Checkpoint;
import org.smolny.record.merkle.Hash;
import org.smolny.record.note.NoteException;
import org.smolny.record.note.NoteSignature;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.VerifiedNote;

/** Checks one signed checkpoint against the root recomputed from the entries. Stateless. */
final class CheckpointCheck {

    private CheckpointCheck() {
    }

    /**
     * Verifies the note's signatures first (the log's must be there; every signature by a trusted key must hold),
     * then its size and root against the recomputed {@code root} of {@code entries} entries; adds what is wrong to
     * {@code problems}. {@code root} is null when it cannot be recomputed. Returns the number of witness
     * cosignatures verified.
     */
    static int check(String where, String note, long expectedSize, Hash storedRoot, Hash root, long entries,
                     TrustedKeys keys, List<Problem> problems) {
        Checkpoint checkpoint;
        int cosignatures = 0;
        try {
            if (!keys.checksSignatures()) {
                checkpoint = Checkpoint.parse(note.substring(0, Math.max(0, note.indexOf("\n\n") + 1)));
            } else {
                VerifiedNote verified;
                try {
                    verified = SignedNote.open(note.getBytes(StandardCharsets.UTF_8), keys.verifiers());
                } catch (NoteException e) {
                    problems.add(Problem.general(where + ": its signatures do not verify with the log's and witnesses' keys: "
                            + e.getMessage()));
                    return 0;
                }
                boolean byLog = false;
                for (NoteSignature signature : verified.verified()) {
                    if (signature.keyName().equals(keys.log().name()) && signature.keyId().equals(keys.log().keyId())) {
                        byLog = true;
                    } else {
                        cosignatures++;
                    }
                }
                if (!byLog) {
                    problems.add(Problem.general(where + " is not signed by the log's key " + keys.log().name()));
                    return 0;
                }
                checkpoint = Checkpoint.parse(verified.text());
            }
        } catch (IllegalArgumentException e) {
            problems.add(Problem.general(where + " is not a checkpoint: " + e.getMessage()));
            return 0;
        }
        if (expectedSize >= 0 && checkpoint.size() != expectedSize) {
            problems.add(Problem.general(where + " is stored for size " + expectedSize + " but its note says size " + checkpoint.size()));
            return cosignatures;
        }
        if (storedRoot != null && !storedRoot.equals(checkpoint.root())) {
            problems.add(Problem.general(where + " is stored with root " + storedRoot + " but its note signs root " + checkpoint.root()));
            return cosignatures;
        }
        if (checkpoint.size() > entries) {
            problems.add(Problem.atEntry(entries, where + " covers " + checkpoint.size() + " entries but only " + entries
                    + " are there: the record was truncated from entry " + entries));
            return cosignatures;
        }
        if (root != null && !root.equals(checkpoint.root())) {
            problems.add(Problem.general(where + " signs root " + checkpoint.root() + " for size " + checkpoint.size()
                    + ", but the entries give root " + root + ": an entry below " + checkpoint.size()
                    + " was changed, removed or reordered, or the checkpoint is a fork"));
        }
        return cosignatures;
    }
}
