package org.smolny.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.smolny.record.checkpoint.Checkpoint;
import org.smolny.record.merkle.Hash;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.SignerKey;
import org.smolny.record.note.VerifierKey;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.RecordStoreException;
import org.smolny.record.store.StoreConfig;
import org.smolny.record.store.StoredCheckpoint;
import org.smolny.record.store.StoredCosignature;
import org.smolny.record.witness.ConsistencyProofSource;
import org.smolny.record.witness.Cosignature;
import org.smolny.record.witness.LogHaltException;
import org.smolny.record.witness.Witnessing;
import org.smolny.record.witness.WitnessingResult;

/**
 * The public record of an organisation: the {@link RecordStore} with the log's signing key. Signs checkpoints
 * (C2SP tlog-checkpoint in a C2SP signed note), stores them (never two roots for one size), and gathers and stores
 * witness cosignatures. Thread-safe, like the store it holds.
 */
public final class RecordLog implements AutoCloseable, ConsistencyProofSource {

    private final RecordStore store;
    private final SignerKey key;

    private RecordLog(RecordStore store, SignerKey key) {
        this.store = store;
        this.key = key;
    }

    /** Opens the record in {@code config}, signing with {@code key} (whose name is the log's origin). */
    public static RecordLog open(StoreConfig config, SignerKey key) {
        return new RecordLog(RecordStore.open(config), key);
    }

    /** Wraps an open store. */
    public static RecordLog of(RecordStore store, SignerKey key) {
        return new RecordLog(store, key);
    }

    public RecordStore store() {
        return store;
    }

    /** The log's origin (the name of its key). */
    public String origin() {
        return key.name();
    }

    /** The public key that verifies the log's checkpoints. */
    public VerifierKey verifierKey() {
        return key.verifierKey();
    }

    /** Signs and stores a checkpoint of the record as it is now (or returns the stored one if its size is signed already). */
    public StoredCheckpoint signCheckpoint() {
        long size = store.size();
        Hash root = store.root(size);
        SignedNote note = Checkpoint.of(origin(), size, root).sign(LogKey.signer(key));
        return await(store.saveCheckpoint(size, root, note.encoded()));
    }

    /**
     * Signs a checkpoint, asks the witnesses to cosign it, and stores the cosignatures gathered.
     *
     * @throws LogHaltException a witness is ahead of the log or holds another root: the log must stop
     */
    public WitnessingResult signAndWitness(Witnessing witnessing) throws LogHaltException, InterruptedException {
        StoredCheckpoint stored = signCheckpoint();
        SignedNote note;
        try {
            note = SignedNote.parse(stored.note().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (org.smolny.record.note.NoteException e) {
            throw new RecordStoreException("the stored checkpoint of size " + stored.size() + " is not a signed note: "
                    + e.getMessage(), e);
        }
        WitnessingResult result = witnessing.gather(note, this);
        List<StoredCosignature> cosignatures = new ArrayList<>();
        Instant now = Instant.now();
        for (Cosignature cosignature : result.cosignatures()) {
            cosignatures.add(new StoredCosignature(stored.size(), cosignature.witnessName(), cosignature.keyId().hex(),
                    cosignature.line().strip(), now));
        }
        if (!cosignatures.isEmpty()) {
            await(store.addCosignatures(stored.size(), cosignatures));
        }
        return result;
    }

    @Override
    public List<Hash> consistencyProof(long oldSize, long newSize) {
        return store.consistencyProof(oldSize, newSize);
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordStoreException("interrupted while waiting for the record", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new RecordStoreException(e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
