package org.smolny.verify.election;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.record.LogKey;
import org.smolny.record.RecordLog;
import org.smolny.record.json.Entry;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.SignerKey;
import org.smolny.record.note.VerifierKey;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.record.store.StoredCheckpoint;
import org.smolny.record.store.StoredCosignature;
import org.smolny.record.tiles.TileExporter;
import org.smolny.record.witness.Cosignature;
import org.smolny.record.witness.Cosigner;

/**
 * A real public record for tests: a SQLite record store in a folder, on which the ballots of an election are appended
 * as the ballot box appends them ({@code ballot.cast} / {@code ballot.challenged} with body {election, entry}),
 * interleaved with other acts of the organisation and another election's ballots; a checkpoint signed by the log key
 * (optionally cosigned by witnesses), and the C2SP tlog-tiles export written by the record module.
 */
final class PublicRecord {
    static final String ORIGIN = "union.example/record";

    private static final RecordCodec CODEC = new RecordCodec(P256Group.instance());

    private final Path folder;
    private final RecordStore store;
    private final RecordLog log;
    private final List<SignerKey> witnesses = new ArrayList<>();
    private long acts;

    PublicRecord(Path folder) throws IOException {
        this.folder = folder;
        this.store = RecordStore.open(StoreConfig.sqlite(folder.resolve("record.db")));
        this.log = RecordLog.of(store, LogKey.loadOrCreate(folder, ORIGIN));
    }

    /** Appends the board entries of election {@code id} in order, each after an act of the organisation. */
    PublicRecord ballots(String id, List<BoardEntry> board) {
        for (BoardEntry entry : board) {
            act();
            append(ballot(id, entry instanceof BoardEntry.Cast ? "ballot.cast" : "ballot.challenged", CODEC.boardEntry(entry)));
        }
        return this;
    }

    /** Appends one act of the organisation (not a ballot). */
    PublicRecord act() {
        ObjectNode node = RecordCodec.object();
        node.put("v", 1).put("type", "member.admitted").put("org", "union.example").put("unit", "branch-7")
                .put("at", "2026-11-27T06:00:00Z").putNull("by");
        node.putObject("body").put("member", "m-" + acts++);
        append(Entry.of(node));
        return this;
    }

    /** Appends a record entry of type {@code type} whose body is {election: id, entry: board entry JSON}. */
    PublicRecord append(Entry entry) {
        store.append(entry).join();
        return this;
    }

    static Entry ballot(String id, String type, ObjectNode boardEntry) {
        ObjectNode node = RecordCodec.object();
        node.put("v", 1).put("type", type).put("org", "union.example").putNull("unit")
                .put("at", "2026-11-27T06:00:00Z").putNull("by");
        ObjectNode body = node.putObject("body");
        body.put("election", id);
        body.set("entry", boardEntry);
        return Entry.of(node);
    }

    /** Signs a checkpoint of the record as it is now; every witness added cosigns it. */
    PublicRecord checkpoint() {
        StoredCheckpoint stored = log.signCheckpoint();
        byte[] text = stored.note().substring(0, stored.note().indexOf("\n\n") + 1).getBytes(StandardCharsets.UTF_8);
        List<StoredCosignature> cosignatures = new ArrayList<>();
        for (SignerKey witness : witnesses) {
            Cosignature cosignature = new Cosigner(witness, Clock.systemUTC()).cosign(text);
            cosignatures.add(new StoredCosignature(stored.size(), witness.name(), witness.keyId().hex(),
                    cosignature.line().strip(), Instant.now()));
        }
        if (!cosignatures.isEmpty()) {
            store.addCosignatures(stored.size(), cosignatures).join();
        }
        return this;
    }

    /** A new witness who cosigns the checkpoints signed from now on; its public key. */
    VerifierKey witness(String name) {
        SignerKey key = SignerKey.generate(name, KeyType.COSIGNATURE_V1);
        witnesses.add(key);
        return key.verifierKey();
    }

    /** Writes the export up to the latest checkpoint into {@code directory}, and closes the store. */
    Path export(Path directory) throws IOException {
        TileExporter.export(store, directory);
        store.close();
        return directory;
    }

    VerifierKey logKey() {
        return log.verifierKey();
    }

    Path folder() {
        return folder;
    }
}
