package org.smolny.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.smolny.record.merkle.Hash;
import org.smolny.record.merkle.TreeHasher;
import org.smolny.record.note.Ed25519NoteVerifier;
import org.smolny.record.note.NoteException;
import org.smolny.record.note.NoteSignature;
import org.smolny.record.note.NoteVerifiers;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.VerifierKey;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoredCheckpoint;
import org.smolny.record.store.StoredCosignature;
import org.smolny.record.witness.Cosignature;
import org.smolny.record.witness.CosignatureVerifier;
import org.smolny.web.record.RecordEntry;
import org.smolny.web.record.RecordView;
import org.smolny.web.record.SignedCheckpoint;

/**
 * The record pages' view of a {@link RecordStore}. Leaf hashes are computed from the entry
 * bytes as stored (never taken from the hash table), so an entry rewritten in the database
 * fails its inclusion proof; signatures are checked with the log's and the witnesses' public keys.
 *
 * <p>Thread-safe, as the store is.
 */
public final class StoreRecordView implements RecordView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordStore store;
    private final RecordKeys keys;

    public StoreRecordView(RecordStore store, RecordKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    @Override
    public long size() {
        return store.size();
    }

    @Override
    public List<RecordEntry> entries(long from, int count) {
        List<byte[]> raw = store.rawEntries(from, count);
        List<RecordEntry> entries = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            entries.add(toEntry(from + i, raw.get(i)));
        }
        return entries;
    }

    @Override
    public RecordEntry entry(long index) {
        List<RecordEntry> entries = entries(index, 1);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the record has no entry " + index);
        }
        return entries.getFirst();
    }

    private static RecordEntry toEntry(long index, byte[] bytes) {
        String json = new String(bytes, StandardCharsets.UTF_8);
        return new RecordEntry(index, typeOf(json), json, TreeHasher.forThread().hashLeaf(bytes).bytes());
    }

    private static String typeOf(String json) {
        try {
            JsonNode type = JSON.readTree(json).path("type");
            return type.isTextual() ? type.asText() : "";
        } catch (IOException notJson) {
            return "";
        }
    }

    @Override
    public Optional<SignedCheckpoint> latestCheckpoint() {
        return store.latestCheckpoint().map(this::toCheckpoint);
    }

    private SignedCheckpoint toCheckpoint(StoredCheckpoint stored) {
        String note = stored.noteWithCosignatures();
        String origin = "";
        long size = stored.size();
        byte[] root = stored.root().bytes();
        boolean logValid = false;
        byte[] text = new byte[0];
        try {
            SignedNote parsed = SignedNote.parse(note.getBytes(StandardCharsets.UTF_8));
            text = parsed.text().getBytes(StandardCharsets.UTF_8);
            String[] lines = parsed.text().split("\n", -1);
            if (lines.length >= 4) {
                origin = lines[0];
                size = Long.parseLong(lines[1]);
                root = Base64.getDecoder().decode(lines[2]);
            }
            if (keys.log().isPresent() && root.length == Hash.LENGTH && size == stored.size()
                    && java.util.Arrays.equals(root, stored.root().bytes())) {
                parsed.verify(NoteVerifiers.of(new Ed25519NoteVerifier(keys.log().get())));
                logValid = true;
            }
        } catch (NoteException | IllegalArgumentException unreadable) {
            logValid = false;
        }
        if (root.length != Hash.LENGTH) {
            root = stored.root().bytes();
            logValid = false;
        }
        List<SignedCheckpoint.WitnessCosignature> cosignatures = new ArrayList<>();
        for (StoredCosignature stored1 : stored.cosignatures()) {
            cosignatures.add(toCosignature(stored1, text));
        }
        return new SignedCheckpoint(note, origin.isEmpty() ? "?" : origin, size, root, logValid,
                keys.log().map(VerifierKey::encoded).orElse(""), cosignatures);
    }

    private SignedCheckpoint.WitnessCosignature toCosignature(StoredCosignature stored, byte[] checkpointText) {
        try {
            NoteSignature line = SignedNote.parseSignatureLine(stored.line(), 0);
            Cosignature cosignature = Cosignature.fromNoteSignature(line);
            boolean valid = keys.witness(line.keyName(), line.keyId().hex())
                    .map(key -> new CosignatureVerifier(key).verify(checkpointText, cosignature))
                    .orElse(false);
            return new SignedCheckpoint.WitnessCosignature(stored.witness(), stored.keyId(), Instant.ofEpochSecond(cosignature.timestamp()), valid);
        } catch (NoteException | IllegalArgumentException unreadable) {
            return new SignedCheckpoint.WitnessCosignature(stored.witness(), stored.keyId(), stored.addedAt(), false);
        }
    }

    @Override
    public List<byte[]> inclusionProof(long index, long size) {
        return store.inclusionProof(index, size).stream().map(Hash::bytes).toList();
    }

    @Override
    public List<byte[]> consistencyProof(long from, long to) {
        return store.consistencyProof(from, to).stream().map(Hash::bytes).toList();
    }

}
