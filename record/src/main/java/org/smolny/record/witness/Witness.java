package org.smolny.record.witness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.smolny.record.merkle.Hash;
import org.smolny.record.note.Ed25519NoteVerifier;
import org.smolny.record.note.NoteError;
import org.smolny.record.note.NoteException;
import org.smolny.record.note.NoteVerifiers;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.VerifiedNote;
import org.smolny.record.note.VerifierKey;
import org.smolny.record.witness.internal.CheckpointLines;
import org.smolny.record.witness.internal.ConsistencyCheck;
import org.smolny.record.witness.internal.FolderLock;
import org.smolny.record.witness.internal.StateDirectory;

/**
 * A transparency-log witness (C2SP tlog-witness {@code add-checkpoint}): for each log it follows it keeps
 * the latest checkpoint it cosigned, cosigns a new checkpoint only if it is signed by the log and proven
 * consistent with that one, and stores it durably before answering. It never goes back to a smaller tree
 * and refuses a second root hash for a size it already cosigned.
 *
 * <p>Safe for concurrent use: requests for one log are handled one at a time (check and store are one
 * atomic step, as the spec requires); requests for different logs run in parallel.
 */
public final class Witness implements AutoCloseable {

    private final Cosigner cosigner;
    private final StateDirectory state;
    private final Path evidence;
    private final Map<String, LogSlot> logs;
    private final FolderLock folderLock;

    /** The latest checkpoint a witness cosigned for a log. */
    public record Latest(long size, Hash rootHash, byte[] checkpoint) {
        public Latest {
            checkpoint = checkpoint.clone();
        }

        @Override
        public byte[] checkpoint() {
            return checkpoint.clone();
        }
    }

    private static final class LogSlot {
        final KnownLog log;
        final NoteVerifiers verifiers;
        final ReentrantLock lock = new ReentrantLock();
        Latest latest;

        LogSlot(KnownLog log) {
            this.log = log;
            List<Ed25519NoteVerifier> list = new ArrayList<>();
            for (VerifierKey key : log.keys()) {
                list.add(new Ed25519NoteVerifier(key));
            }
            this.verifiers = NoteVerifiers.of(list);
        }
    }

    /**
     * A witness that cosigns with {@code cosigner}, follows {@code logs}, and keeps its state under
     * {@code dataDirectory} ({@code state/} for the latest checkpoints, {@code evidence/} for refused
     * checkpoints that were validly signed by a log: proof of its misbehaviour). Reads the stored state and
     * holds an exclusive lock on the folder until {@link #close()}, so that no second witness process can
     * work on the same state (two writers could roll each other back).
     */
    public Witness(Cosigner cosigner, List<KnownLog> logs, Path dataDirectory) throws IOException {
        this.cosigner = cosigner;
        this.state = new StateDirectory(dataDirectory.resolve("state"));
        this.evidence = dataDirectory.resolve("evidence");
        Map<String, LogSlot> slots = new LinkedHashMap<>();
        for (KnownLog log : logs) {
            if (slots.putIfAbsent(log.origin(), new LogSlot(log)) != null) {
                throw new IllegalArgumentException("log '" + log.origin() + "' is configured twice");
            }
        }
        this.folderLock = FolderLock.acquire(dataDirectory.resolve("witness.lock"));
        try {
            for (LogSlot slot : slots.values()) {
                slot.latest = load(slot.log.origin()).orElse(null);
            }
        } catch (IOException | RuntimeException e) {
            folderLock.close();
            throw e;
        }
        this.logs = Map.copyOf(slots);
    }

    /** Releases the lock on the data folder; the witness must not be used afterwards. */
    @Override
    public void close() throws IOException {
        folderLock.close();
    }

    private Optional<Latest> load(String origin) throws IOException {
        Optional<byte[]> stored = state.read(origin);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            SignedNote note = SignedNote.parse(stored.get());
            CheckpointLines lines = CheckpointLines.parse(note.text());
            if (!lines.origin().equals(origin)) {
                throw new IOException("state file " + state.fileOf(origin) + " holds a checkpoint of '"
                        + lines.origin() + "', not of '" + origin + "'");
            }
            return Optional.of(new Latest(lines.size(), lines.rootHash(), stored.get()));
        } catch (NoteException | IllegalArgumentException e) {
            throw new IOException("state file " + state.fileOf(origin) + " is damaged: " + e.getMessage(), e);
        }
    }

    /** The witness's public key, for logs and readers. */
    public VerifierKey verifierKey() {
        return cosigner.verifierKey();
    }

    /** The logs this witness follows. */
    public List<KnownLog> logs() {
        return logs.values().stream().map(slot -> slot.log).toList();
    }

    /** The latest checkpoint cosigned for {@code origin}, if any. */
    public Optional<Latest> latest(String origin) {
        LogSlot slot = logs.get(origin);
        if (slot == null) {
            return Optional.empty();
        }
        slot.lock.lock();
        try {
            return Optional.ofNullable(slot.latest);
        } finally {
            slot.lock.unlock();
        }
    }

    /** Handles an {@code add-checkpoint} request body. */
    public WitnessResponse addCheckpoint(byte[] body) {
        AddCheckpointRequest request;
        try {
            request = AddCheckpointRequest.parse(body);
        } catch (MalformedRequestException e) {
            return new WitnessResponse.Malformed(e.getMessage());
        }
        return addCheckpoint(request);
    }

    /** Handles a parsed {@code add-checkpoint} request. */
    public WitnessResponse addCheckpoint(AddCheckpointRequest request) {
        SignedNote note;
        try {
            note = SignedNote.parse(request.checkpoint());
        } catch (NoteException e) {
            return new WitnessResponse.Malformed("checkpoint note: " + e.getMessage());
        }
        // The origin selects the keys; nothing else is read from the text before its signature is verified.
        String origin = CheckpointLines.originOf(note.text());
        LogSlot slot = logs.get(origin);
        if (slot == null) {
            return new WitnessResponse.UnknownLog(origin);
        }
        VerifiedNote verified;
        try {
            verified = note.verify(slot.verifiers);
        } catch (NoteException e) {
            if (e.error() instanceof NoteError.UnknownKeys) {
                return new WitnessResponse.BadSignature("no signature by a key of log '" + origin + "'");
            }
            return new WitnessResponse.BadSignature(e.getMessage());
        }
        CheckpointLines checkpoint;
        try {
            checkpoint = CheckpointLines.parse(verified.text());
        } catch (IllegalArgumentException e) {
            return new WitnessResponse.Malformed(e.getMessage());
        }
        if (request.oldSize() > checkpoint.size()) {
            return new WitnessResponse.Malformed("old size " + request.oldSize()
                    + " is larger than the checkpoint size " + checkpoint.size());
        }
        slot.lock.lock();
        try {
            return addVerified(slot, request, verified, checkpoint);
        } finally {
            slot.lock.unlock();
        }
    }

    private WitnessResponse addVerified(LogSlot slot, AddCheckpointRequest request, VerifiedNote note,
            CheckpointLines checkpoint) {
        Latest latest = slot.latest;
        long latestSize = latest == null ? 0 : latest.size();
        if (request.oldSize() != latestSize) {
            return new WitnessResponse.SizeConflict(latestSize);
        }
        if (latest != null && checkpoint.size() == latest.size()) {
            if (!checkpoint.rootHash().equals(latest.rootHash())) {
                keepEvidence(slot.log.origin(), "root-conflict", request);
                return new WitnessResponse.RootConflict(slot.log.origin(), checkpoint.size());
            }
            if (!request.consistencyProof().isEmpty()) {
                return new WitnessResponse.InvalidProof("a proof between equal sizes must be empty");
            }
        } else {
            String problem = latest == null || latest.size() == 0
                    ? ConsistencyCheck.problemFromEmpty(checkpoint.size(), checkpoint.rootHash(), request.consistencyProof())
                    : ConsistencyCheck.problem(latest.size(), latest.rootHash(), checkpoint.size(), checkpoint.rootHash(),
                            request.consistencyProof());
            if (problem != null) {
                keepEvidence(slot.log.origin(), "invalid-proof", request);
                return new WitnessResponse.InvalidProof(problem);
            }
        }
        byte[] stored = note.note().toBytes();
        Latest next = new Latest(checkpoint.size(), checkpoint.rootHash(), stored);
        try {
            state.write(slot.log.origin(), stored);
        } catch (IOException e) {
            return new WitnessResponse.StorageFailure(e.getMessage());
        }
        slot.latest = next;
        return new WitnessResponse.Cosigned(List.of(cosigner.cosign(note.textBytes())));
    }

    private void keepEvidence(String origin, String kind, AddCheckpointRequest request) {
        try {
            java.nio.file.Files.createDirectories(evidence);
            String name = System.currentTimeMillis() + "-" + kind + "-"
                    + state.fileOf(origin).getFileName().toString().replace(".checkpoint", ".txt");
            StateDirectory.writeAtomically(evidence.resolve(name), request.encode());
        } catch (IOException e) {
            // Keeping evidence is a courtesy (tlog-witness "MAY log the request"); refusing still happens.
            System.getLogger(Witness.class.getName()).log(System.Logger.Level.WARNING,
                    "could not keep evidence of a refused checkpoint of " + origin + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "Witness[" + cosigner.name() + ", " + logs.size() + " log(s)]";
    }

}
