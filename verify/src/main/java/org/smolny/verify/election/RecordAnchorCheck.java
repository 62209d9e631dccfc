package org.smolny.verify.election;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.record.LogKey;
import org.smolny.record.audit.AuditReport;
import org.smolny.record.audit.ExportAudit;
import org.smolny.record.audit.Problem;
import org.smolny.record.audit.TrustedKeys;
import org.smolny.record.checkpoint.Checkpoint;
import org.smolny.record.json.CanonicalJson;
import org.smolny.record.json.InvalidEntryException;
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

    /** The record entry type of a cast ballot (as the ballot box writes it). */
    static final String CAST_TYPE = "ballot.cast";
    /** The record entry type of a challenged ballot. */
    static final String CHALLENGED_TYPE = "ballot.challenged";

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
        Entries record = new Entries();
        try {
            ExportEntries.read(export, checkpoint.size(), (index, bytes) -> collect(index, bytes, electionId, record, failures));
        } catch (IOException e) {
            failures.add(new Failure(Check.E22, EXPORT, "cannot read its entry bundles: " + e.getMessage()));
        }
        Entries board = readBoard(files, failures);
        compare(board, record, electionId, checkpoint.size(), failures);
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

    /** Keeps entry {@code index} if it is a ballot entry of the election (§11.7); a malformed one fails check 25. */
    private static void collect(long index, byte[] bytes, String electionId, Entries record, List<Failure> failures) {
        JsonNode node;
        try {
            node = CanonicalJson.parse(bytes);
        } catch (InvalidEntryException notJson) {
            return; // check 22 names it
        }
        String type = node.path("type").asText("");
        if (!type.equals(CAST_TYPE) && !type.equals(CHALLENGED_TYPE)) {
            return;
        }
        String where = "record entry " + index;
        JsonNode election = node.path("body").path("election");
        if (!election.isTextual()) {
            failures.add(new Failure(Check.E25, where, "a " + type + " entry that names no election (body.election)"));
            return;
        }
        if (!election.asText().equals(electionId)) {
            return;
        }
        JsonNode entry = node.path("body").path("entry");
        if (!entry.isObject()) {
            failures.add(new Failure(Check.E25, where, "the " + type + " entry of election '" + electionId
                    + "' holds no board entry (body.entry is not a JSON object)"));
            return;
        }
        String kind = entry.path("kind").asText("");
        if (!kind.equals(type.equals(CAST_TYPE) ? "cast" : "challenged")) {
            failures.add(new Failure(Check.E25, where, "a " + type + " entry of election '" + electionId
                    + "' holding a board entry of kind \"" + kind + "\""));
            return;
        }
        record.add(digest(CanonicalJson.canonicalize(entry)), trackingCode(entry), index);
    }

    private static Entries readBoard(ElectionRecordFiles files, List<Failure> failures) {
        Entries board = new Entries();
        try (BufferedReader reader = Files.newBufferedReader(files.dir().resolve(ElectionRecordFiles.BOARD), StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                try {
                    JsonNode entry = CanonicalJson.parse(line);
                    board.add(digest(CanonicalJson.canonicalize(entry)), trackingCode(entry), number);
                } catch (InvalidEntryException notJson) {
                    board.add(null, null, number);
                }
            }
        } catch (NoSuchFileException e) {
            failures.add(new Failure(Check.E24, ElectionRecordFiles.BOARD, "there is no board.jsonl to compare with the record"));
        } catch (IOException e) {
            failures.add(new Failure(Check.E24, ElectionRecordFiles.BOARD, "cannot be read: " + e.getMessage()));
        }
        return board;
    }

    /** Checks 24–27: B (the board's lines) against R (the election's entries on the signed record), ballot spec §11.7. */
    private static void compare(Entries board, Entries record, String electionId, long signedSize, List<Failure> failures) {
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

    private static String boardLine(Entries board, int i) {
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

    private static byte[] digest(byte[] canonical) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static byte[] trackingCode(JsonNode entry) {
        String hex = entry.path("trackingCode").asText("");
        try {
            return hex.length() == 64 ? HexFormat.of().parseHex(hex) : null;
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    /**
     * A compact list of board entries: the SHA-256 of each one's canonical JSON, its tracking code and its position
     * (a board line number, or a record index). Not thread-safe.
     */
    private static final class Entries {
        private static final int DIGEST = 32;
        private byte[] digests = new byte[DIGEST * 64];
        private byte[] codes = new byte[DIGEST * 64];
        private boolean[] missing = new boolean[64];
        private boolean[] coded = new boolean[64];
        private long[] positions = new long[64];
        private int size;

        void add(byte[] digest, byte[] code, long position) {
            if (size == positions.length) {
                int capacity = size * 2;
                digests = Arrays.copyOf(digests, capacity * DIGEST);
                codes = Arrays.copyOf(codes, capacity * DIGEST);
                missing = Arrays.copyOf(missing, capacity);
                coded = Arrays.copyOf(coded, capacity);
                positions = Arrays.copyOf(positions, capacity);
            }
            if (digest != null) {
                System.arraycopy(digest, 0, digests, size * DIGEST, DIGEST);
            }
            if (code != null) {
                System.arraycopy(code, 0, codes, size * DIGEST, DIGEST);
            }
            missing[size] = digest == null;
            coded[size] = code != null;
            positions[size] = position;
            size++;
        }

        int size() {
            return size;
        }

        byte[] digest(int i) {
            return missing[i] ? null : Arrays.copyOfRange(digests, i * DIGEST, (i + 1) * DIGEST);
        }

        long position(int i) {
            return positions[i];
        }

        String codeText(int i) {
            byte[] code = Arrays.copyOfRange(codes, i * DIGEST, (i + 1) * DIGEST);
            return coded[i] ? " with tracking code " + HexFormat.of().formatHex(code) : "";
        }

        boolean sameAs(Entries other) {
            if (size != other.size) {
                return false;
            }
            for (int i = 0; i < size; i++) {
                if (missing[i] || other.missing[i]) {
                    return false;
                }
            }
            return Arrays.equals(digests, 0, size * DIGEST, other.digests, 0, size * DIGEST);
        }
    }
}
