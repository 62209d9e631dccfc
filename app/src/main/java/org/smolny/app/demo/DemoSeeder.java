package org.smolny.app.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.smolny.app.serve.RecordKeys;
import org.smolny.record.json.Entry;
import org.smolny.record.merkle.Hash;
import org.smolny.record.note.Ed25519NoteSigner;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.NoteException;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.SignerKey;
import org.smolny.record.note.VerifierKey;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoredCheckpoint;
import org.smolny.record.store.StoredCosignature;
import org.smolny.record.witness.CosignatureVerifier;
import org.smolny.record.witness.Cosigner;
import org.smolny.record.witness.KnownLog;
import org.smolny.record.witness.LogHaltException;
import org.smolny.record.witness.Witness;
import org.smolny.record.witness.WitnessClient;
import org.smolny.record.witness.WitnessServer;
import org.smolny.record.witness.Witnessing;
import org.smolny.record.witness.WitnessingResult;

/**
 * Writes the demo organisation's record into a data folder, once: the entries (in one
 * transaction), the log's key, checkpoints signed at three sizes, each cosigned by the demo's
 * two witnesses over the real tlog-witness protocol (witness servers started on the loopback
 * address for the occasion, their state kept under {@code witnesses/}). Every step is skipped
 * when already done, so a restart (or a run interrupted half-way) never duplicates anything.
 *
 * <p>Data folder: {@code record.db}; {@code keys/log.key} (the log's signing key, owner-only),
 * {@code keys/log.pub}, {@code keys/witnesses.pub}; {@code witnesses/<name>/witness.key} and state.
 */
public final class DemoSeeder {

    private final Path data;
    private final DemoOrganisation organisation = new DemoOrganisation();

    public DemoSeeder(Path dataDirectory) {
        this.data = dataDirectory;
    }

    /** Makes sure the demo record is complete in {@code store}, and returns the public keys to check it with. */
    public RecordKeys seed(RecordStore store) throws IOException, InterruptedException {
        List<Entry> entries = organisation.entries().stream().map(Entry::parse).toList();
        long size = store.size();
        if (size == 0) {
            await(store.submit(tx -> {
                for (Entry entry : entries) {
                    tx.append(entry);
                }
                return null;
            }));
        } else if (!Arrays.equals(store.rawEntries(0, 1).getFirst(), entries.getFirst().bytes())) {
            throw new IllegalStateException("The data folder " + data.toAbsolutePath()
                    + " holds another organisation's record; the demo leaves it alone. Use another --data folder.");
        }

        SignerKey logKey = key(data.resolve(RecordKeys.FOLDER).resolve("log.key"), DemoOrganisation.ORIGIN, KeyType.ED25519);
        writePublic(data.resolve(RecordKeys.FOLDER).resolve(RecordKeys.LOG_PUBLIC), List.of(logKey.verifierKey()));
        List<SignerKey> witnessKeys = new ArrayList<>();
        for (String name : DemoOrganisation.WITNESSES) {
            witnessKeys.add(key(witnessFolder(name).resolve("witness.key"), name, KeyType.COSIGNATURE_V1));
        }
        writePublic(data.resolve(RecordKeys.FOLDER).resolve(RecordKeys.WITNESSES_PUBLIC), witnessKeys.stream().map(SignerKey::verifierKey).toList());

        long total = store.size();
        for (long checkpointSize : List.of(12L, 30L, total)) {
            if (checkpointSize > total) {
                continue;
            }
            StoredCheckpoint checkpoint = store.checkpoint(checkpointSize).orElse(null);
            if (checkpoint == null) {
                Hash root = store.root(checkpointSize);
                String text = DemoOrganisation.ORIGIN + "\n" + checkpointSize + "\n" + root.base64() + "\n";
                SignedNote note = SignedNote.sign(text, new Ed25519NoteSigner(logKey));
                checkpoint = await(store.saveCheckpoint(checkpointSize, root, note.encoded()));
            }
            if (checkpoint.cosignatures().size() < witnessKeys.size()) {
                cosign(store, checkpoint, logKey.verifierKey(), witnessKeys);
            }
        }
        return RecordKeys.load(data);
    }

    /** Has every demo witness cosign {@code checkpoint} through the add-checkpoint protocol, and stores the cosignatures. */
    private void cosign(RecordStore store, StoredCheckpoint checkpoint, VerifierKey logPublic, List<SignerKey> witnessKeys)
            throws IOException, InterruptedException {
        List<WitnessServer> servers = new ArrayList<>();
        try {
            List<WitnessClient> clients = new ArrayList<>();
            for (SignerKey key : witnessKeys) {
                Witness witness = new Witness(new Cosigner(key, Clock.systemUTC()),
                        List.of(new KnownLog(DemoOrganisation.ORIGIN, List.of(logPublic))), witnessFolder(key.name()));
                WitnessServer server = WitnessServer.start(witness, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "");
                servers.add(server);
                clients.add(new WitnessClient(server.submissionPrefix(), new CosignatureVerifier(key.verifierKey())));
            }
            SignedNote note;
            try {
                note = SignedNote.parse(checkpoint.note().getBytes(StandardCharsets.UTF_8));
            } catch (NoteException e) {
                throw new IllegalStateException("The stored checkpoint of size " + checkpoint.size() + " is not a signed note: " + e.getMessage(), e);
            }
            WitnessingResult result;
            try {
                result = new Witnessing(clients, clients.size(), Duration.ofSeconds(30))
                        .gather(note, (oldSize, newSize) -> store.consistencyProof(oldSize, newSize));
            } catch (LogHaltException e) {
                throw new IllegalStateException("A demo witness holds a checkpoint this record contradicts; the data folder "
                        + data.toAbsolutePath() + " was altered: " + e.getMessage(), e);
            }
            if (!result.policyMet()) {
                throw new IllegalStateException("The demo's witnesses did not cosign the checkpoint of size " + checkpoint.size() + ": " + result.failures());
            }
            Instant now = Instant.now();
            List<StoredCosignature> cosignatures = result.cosignatures().stream()
                    .map(c -> new StoredCosignature(checkpoint.size(), c.witnessName(), c.keyId().hex(), c.line().stripTrailing(), now))
                    .toList();
            await(store.addCosignatures(checkpoint.size(), cosignatures));
        } finally {
            for (WitnessServer server : servers) {
                server.close();
            }
        }
    }

    private Path witnessFolder(String name) {
        return data.resolve("witnesses").resolve(name.replaceAll("[^A-Za-z0-9.-]", "_"));
    }

    /** The signing key stored in {@code file}, created (readable by the owner only) the first time. */
    private static SignerKey key(Path file, String name, KeyType type) throws IOException {
        if (Files.isRegularFile(file)) {
            return SignerKey.parse(Files.readString(file).strip());
        }
        Files.createDirectories(file.getParent());
        SignerKey key = SignerKey.generate(name, type);
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, key.encodedSecret() + "\n");
        try {
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temporary);
            return SignerKey.parse(Files.readString(file).strip());
        }
        return key;
    }

    private static void writePublic(Path file, List<VerifierKey> keys) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        keys.forEach(key -> text.append(key.encoded()).append('\n'));
        if (!Files.isRegularFile(file) || !Files.readString(file).contentEquals(text)) {
            Files.writeString(file, text);
        }
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

}
