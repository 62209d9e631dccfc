package org.smolny.record.audit;

import java.util.List;
import org.smolny.record.checkpoint.Checkpoint;
import org.smolny.record.merkle.Hash;
import org.smolny.record.note.NoteException;
import org.smolny.record.note.NoteVerifiers;

/** Checks one signed checkpoint against the root recomputed from the entries. Stateless. */
final class CheckpointCheck {

    private CheckpointCheck() {
    }

    /**
     * Verifies the note's signature first, then its size and root against the recomputed {@code root} of
     * {@code entries} entries; adds what is wrong to {@code problems}. {@code root} is null when the record
     * has fewer entries than the checkpoint.
     */
    static void check(String where, String note, long expectedSize, Hash storedRoot, Hash root, long entries,
                      NoteVerifiers verifiers, List<Problem> problems) {
        Checkpoint checkpoint;
        if (verifiers == null) {
            try {
                checkpoint = Checkpoint.parse(note.substring(0, Math.max(0, note.indexOf("\n\n") + 1)));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.general(where + " is not a checkpoint: " + e.getMessage()));
                return;
            }
        } else {
            try {
                checkpoint = Checkpoint.open(note, verifiers);
            } catch (NoteException e) {
                problems.add(Problem.general(where + ": its signature does not verify with the log's key: " + e.getMessage()));
                return;
            } catch (IllegalArgumentException e) {
                problems.add(Problem.general(where + " is not a checkpoint: " + e.getMessage()));
                return;
            }
        }
        if (expectedSize >= 0 && checkpoint.size() != expectedSize) {
            problems.add(Problem.general(where + " is stored for size " + expectedSize + " but its note says size " + checkpoint.size()));
            return;
        }
        if (storedRoot != null && !storedRoot.equals(checkpoint.root())) {
            problems.add(Problem.general(where + " is stored with root " + storedRoot + " but its note signs root " + checkpoint.root()));
            return;
        }
        if (checkpoint.size() > entries) {
            problems.add(Problem.atEntry(entries, where + " covers " + checkpoint.size() + " entries but only " + entries
                    + " are there: the record was truncated from entry " + entries));
            return;
        }
        if (root != null && !root.equals(checkpoint.root())) {
            problems.add(Problem.general(where + " signs root " + checkpoint.root() + " for size " + checkpoint.size()
                    + ", but the entries give root " + root + ": an entry below " + checkpoint.size()
                    + " was changed, removed or reordered, or the checkpoint is a fork"));
        }
    }
}
