package org.smolny.verify.election;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.record.LogKey;
import org.smolny.record.audit.AuditReport;
import org.smolny.record.audit.ExportAudit;
import org.smolny.record.audit.Problem;
import org.smolny.record.audit.TrustedKeys;
import org.smolny.record.checkpoint.Checkpoint;
import org.smolny.record.note.NoteException;
import org.smolny.record.note.NoteSignature;
import org.smolny.record.note.NoteVerifier;
import org.smolny.record.note.NoteVerifiers;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.VerifiedNote;
import org.smolny.record.note.VerifierKey;
import org.smolny.record.tiles.TilePaths;
import org.smolny.record.witness.CosignatureVerifier;

/**
 * Checks 22–27 (ballot spec §11.7): the public record's export verifies with the log's key (the record module's
 * {@link ExportAudit}), its checkpoint is cosigned by enough witnesses, and {@code board.jsonl} is exactly the
 * sequence of this election's {@code ballot.cast} / {@code ballot.challenged} entries below the signed checkpoint's
 * size. Stateless; each run is independent.
 */
final class RecordAnchorCheck {

    /** The checks of ballot spec §11.7. */
    static final List<Check> CHECKS = List.of(Check.E22, Check.E23, Check.E24, Check.E25, Check.E26, Check.E27);

    private static final String EXPORT = "record export";
    private static final String NO_EXPORT = "no record export given (--record)";

    /** What checks 22–27 found. */
    record Outcome(List<Failure> failures, Map<Check, String> notRun) {
    }

    private RecordAnchorCheck() {
    }

    /** Checks 22–27 marked as not run, for a verification without the record's export. */
    static Map<Check, String> withoutExport() {
        Map<Check, String> notRun = new EnumMap<>(Check.class);
        CHECKS.forEach(check -> notRun.put(check, NO_EXPORT));
        return notRun;
    }

    static Outcome run(ElectionRecordFiles files, RecordAnchor anchor, int threads) {
        List<Failure> failures = new ArrayList<>();
        Map<Check, String> notRun = new EnumMap<>(Check.class);
        Path export = anchor.export();

        // E22 — the record module's own audit of the export (record spec §6)
        try {
            AuditReport audit = ExportAudit.audit(export, new TrustedKeys(anchor.logKey(), anchor.witnessKeys()), threads);
            for (Problem problem : audit.problems()) {
                failures.add(new Failure(Check.E22, problem.entryIndex() >= 0 ? "record entry " + problem.entryIndex() : EXPORT,
                        problem.message()));
            }
        } catch (IOException | RuntimeException e) {
            failures.add(new Failure(Check.E22, EXPORT, "cannot be read: " + e.getMessage()));
        }

        byte[] note;
        Checkpoint checkpoint;
        try {
            note = Files.readAllBytes(export.resolve(TilePaths.CHECKPOINT));
            String text = new String(note, StandardCharsets.UTF_8);
            checkpoint = Checkpoint.parse(text.substring(0, Math.max(0, text.indexOf("\n\n") + 1)));
        } catch (IOException | IllegalArgumentException e) {
            if (failures.stream().noneMatch(f -> f.check() == Check.E22)) {
                failures.add(new Failure(Check.E22, EXPORT, "has no readable checkpoint: " + e.getMessage()));
            }
            CHECKS.subList(1, CHECKS.size()).forEach(c -> notRun.put(c, "the record export has no readable checkpoint (check 22)"));
            return new Outcome(failures, notRun);
        }

        // E23
        if (anchor.witnessKeys().isEmpty()) {
            notRun.put(Check.E23, "no witness key given (--witness-key)");
        } else {
            checkCosignatures(note, anchor, failures);
        }

        // E24–E27
        String electionId;
        try {
            electionId = anchor.electionId().orElseGet(() -> files.readManifest().electionId());
        } catch (IllegalArgumentException unreadable) {
            CHECKS.subList(2, CHECKS.size()).forEach(c -> notRun.put(c,
                    "the election's id is unknown: the manifest cannot be read (check 1); give --election"));
            return new Outcome(failures, notRun);
        }
        // the sorted forms first: when they agree line by line, so do the RFC 8785 forms (BoardDigests.Form)
        Path boardFile = files.dir().resolve(ElectionRecordFiles.BOARD);
        try {
            List<Failure> fast = new ArrayList<>();
            BoardDigests.Entries record = BoardDigests.onRecord(export, checkpoint.size(), electionId,
                    BoardDigests.Form.SORTED, threads, fast);
            BoardDigests.Entries board = BoardDigests.onBoard(boardFile, BoardDigests.Form.SORTED, threads, fast);
            if (fast.isEmpty() && board.sameAs(record)) {
                return new Outcome(failures, notRun);
            }
            record = BoardDigests.onRecord(export, checkpoint.size(), electionId, BoardDigests.Form.CANONICAL, threads,
                    failures);
            board = BoardDigests.onBoard(boardFile, BoardDigests.Form.CANONICAL, threads, failures);
            compare(board, record, electionId, checkpoint.size(), failures);
        } catch (IOException e) {
            failures.add(new Failure(Check.E22, EXPORT, "cannot read its entry bundles: " + e.getMessage()));
        }
        return new Outcome(failures, notRun);
    }

    /** Check 23: valid cosignatures by at least the threshold of the given witnesses. */
    private static void checkCosignatures(byte[] note, RecordAnchor anchor, List<Failure> failures) {
        List<NoteVerifier> verifiers = new ArrayList<>();
        verifiers.add(LogKey.verifier(anchor.logKey()));
        anchor.witnessKeys().forEach(key -> verifiers.add(new CosignatureVerifier(key)));
        VerifiedNote verified;
        try {
            verified = SignedNote.open(note, NoteVerifiers.of(verifiers));
        } catch (NoteException e) {
            failures.add(new Failure(Check.E23, EXPORT + " checkpoint", "its signatures do not verify: " + e.getMessage()));
            return;
        }
        List<String> cosigned = new ArrayList<>();
        for (VerifierKey witness : anchor.witnessKeys()) {
            for (NoteSignature signature : verified.verified()) {
                if (signature.keyName().equals(witness.name()) && signature.keyId().equals(witness.keyId())) {
                    cosigned.add(witness.name());
                    break;
                }
            }
        }
        if (cosigned.size() < anchor.witnessThreshold()) {
            List<String> missing = anchor.witnessKeys().stream().map(VerifierKey::name)
                    .filter(name -> !cosigned.contains(name)).toList();
            failures.add(new Failure(Check.E23, EXPORT + " checkpoint", "cosigned by " + cosigned.size() + " of the "
                    + anchor.witnessKeys().size() + " given witnesses " + cosigned + ", the threshold is "
                    + anchor.witnessThreshold() + "; no valid cosignature by " + missing));
        }
    }

    /** Checks 24–27: B (the board's lines) against R (the election's entries on the signed record), ballot spec §11.7. */
    private static void compare(BoardDigests.Entries board, BoardDigests.Entries record, String electionId,
                                long signedSize, List<Failure> failures) {
        if (board.sameAs(record)) {
            return;
        }
        Map<ByteBuffer, ArrayDeque<Integer>> positions = new HashMap<>();
        for (int j = 0; j < record.size(); j++) {
            positions.computeIfAbsent(ByteBuffer.wrap(record.digest(j)), d -> new ArrayDeque<>()).add(j);
        }
        int[] match = new int[board.size()];
        boolean[] used = new boolean[record.size()];
        for (int i = 0; i < board.size(); i++) {
            byte[] digest = board.digest(i);
            ArrayDeque<Integer> candidates = digest == null ? null : positions.get(ByteBuffer.wrap(digest));
            Integer j = candidates == null ? null : candidates.poll();
            match[i] = j == null ? -1 : j;
            if (j != null) {
                used[j] = true;
            }
        }
        // E24
        for (int i = 0; i < board.size(); i++) {
            if (match[i] < 0) {
                failures.add(new Failure(Check.E24, boardLine(board, i), (board.digest(i) == null ? "is not JSON, so "
                        : "the entry" + board.codeText(i) + " ") + "is not a ballot entry of election '" + electionId
                        + "' among the " + signedSize + " entries the signed checkpoint covers"));
            }
        }
        // E25
        for (int j = 0; j < record.size(); j++) {
            if (!used[j]) {
                failures.add(new Failure(Check.E25, "record entry " + record.position(j), "this ballot entry of election '"
                        + electionId + "'" + record.codeText(j) + " is not in board.jsonl"));
            }
        }
        // E26: the matched lines outside one longest increasing run of record positions are out of order
        List<Integer> matchedLines = new ArrayList<>();
        for (int i = 0; i < board.size(); i++) {
            if (match[i] >= 0) {
                matchedLines.add(i);
            }
        }
        boolean[] inOrder = longestIncreasing(matchedLines.stream().mapToInt(i -> match[i]).toArray());
        for (int k = 0; k < matchedLines.size(); k++) {
            if (!inOrder[k]) {
                int i = matchedLines.get(k);
                failures.add(new Failure(Check.E26, boardLine(board, i), "holds record entry " + record.position(match[i])
                        + " (ballot " + (match[i] + 1) + " of election '" + electionId + "' on the record) out of the record's order"));
            }
        }
        // E27
        int last = board.size() - 1;
        if (last >= 0 && match[last] < 0) {
            int first = last;
            while (first > 0 && match[first - 1] < 0) {
                first--;
            }
            failures.add(new Failure(Check.E27, boardLine(board, first), "board.jsonl lines " + board.position(first) + "–"
                    + board.position(last) + " (the board's last " + (last - first + 1) + " entries) are not on the signed"
                    + " record of " + signedSize + " entries: its checkpoint was signed before them (sign a checkpoint after"
                    + " the election closed and export again), or they were never on the record"));
        }
    }

    private static String boardLine(BoardDigests.Entries board, int i) {
        return ElectionRecordFiles.BOARD + " line " + board.position(i);
    }

    /** Marks the members of one longest strictly increasing subsequence of {@code values} (patience sorting). */
    static boolean[] longestIncreasing(int[] values) {
        int[] tails = new int[values.length];
        int[] previous = new int[values.length];
        int length = 0;
        for (int k = 0; k < values.length; k++) {
            int low = 0;
            int high = length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values[tails[middle]] < values[k]) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            previous[k] = low > 0 ? tails[low - 1] : -1;
            tails[low] = k;
            if (low == length) {
                length++;
            }
        }
        boolean[] member = new boolean[values.length];
        for (int k = length == 0 ? -1 : tails[length - 1]; k >= 0; k = previous[k]) {
            member[k] = true;
        }
        return member;
    }
}
