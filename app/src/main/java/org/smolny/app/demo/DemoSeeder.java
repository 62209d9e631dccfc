package org.smolny.app.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.smolny.app.serve.RecordKeys;
import org.smolny.record.LogKey;
import org.smolny.record.RecordLog;
import org.smolny.record.json.Entry;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.SignerKey;
import org.smolny.record.note.VerifierKey;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoredCheckpoint;
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
 * Writes the demo organisation's record into a data folder, in three stages: the first 12
 * entries, then up to 30, then the rest; after each stage the log ({@link RecordLog}) signs a
 * checkpoint and the demo's two witnesses cosign it over the real tlog-witness protocol
 * (witness servers started on the loopback address for the occasion, their state kept under
 * {@code witnesses/}). Each stage's entries go in one transaction. A step already done is
 * skipped, so a restart, or a run interrupted half-way, never duplicates anything.
 *
 * <p>Data folder: {@code record.db}; {@code keys/log.key} and {@code keys/log.pub} ({@link LogKey});
 * {@code keys/witnesses.pub}; {@code witnesses/<name>/witness.key} and the witnesses' state.
 */
public final class DemoSeeder {

    /** The sizes at which the demo's checkpoints are signed (the last one being every entry). */
    static final List<Integer> STAGES = List.of(12, 30);

    private final Path data;

    public DemoSeeder(Path dataDirectory) {
        this.data = dataDirectory;
    }

    /** Makes sure the demo record is complete in {@code store}, and returns the public keys to check it with. */
    public RecordKeys seed(RecordStore store) throws IOException, InterruptedException {
        List<Entry> entries = new DemoOrganisation().entries().stream().map(Entry::parse).toList();
        if (store.size() > 0 && !Arrays.equals(store.rawEntries(0, 1).getFirst(), entries.getFirst().bytes())) {
            throw new IllegalStateException("The data folder " + data.toAbsolutePath()
                    + " holds another organisation's record; the demo leaves it alone. Use another --data folder.");
        }
        SignerKey logKey = LogKey.loadOrCreate(data, DemoOrganisation.ORIGIN);
        RecordLog log = RecordLog.of(store, logKey);
        List<SignerKey> witnessKeys = new ArrayList<>();
        for (String name : DemoOrganisation.WITNESSES) {
            witnessKeys.add(witnessKey(name));
        }
        writePublic(RecordKeys.keysFolder(data).resolve(RecordKeys.WITNESSES_PUBLIC), witnessKeys.stream().map(SignerKey::verifierKey).toList());

        List<Integer> stages = new ArrayList<>(STAGES);
        stages.add(entries.size());
        for (int stage : stages) {
            long size = store.size();
            if (size < stage) {
                List<Entry> next = entries.subList((int) size, stage);
                await(store.submit(tx -> {
                    next.forEach(tx::append);
                    return null;
                }));
            }
            StoredCheckpoint checkpoint = store.checkpoint(stage).orElse(null);
            if (checkpoint == null || checkpoint.cosignatures().size() < witnessKeys.size()) {
                if (store.size() != stage) {
                    throw new IllegalStateException("The demo record in " + data.toAbsolutePath() + " has " + store.size()
                            + " entries but no complete checkpoint of size " + stage + "; remove the folder to start the demo afresh.");
                }
                witness(log, logKey.verifierKey(), witnessKeys);
            }
        }
        return RecordKeys.load(data);
    }

    /** Signs a checkpoint of the record as it is and has every demo witness cosign it through the add-checkpoint protocol. */
    private void witness(RecordLog log, VerifierKey logPublic, List<SignerKey> witnessKeys) throws IOException, InterruptedException {
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
            WitnessingResult result;
            try {
                result = log.signAndWitness(new Witnessing(clients, clients.size(), Duration.ofSeconds(30)));
            } catch (LogHaltException e) {
                throw new IllegalStateException("A demo witness holds a checkpoint this record contradicts; the data folder "
                        + data.toAbsolutePath() + " was altered: " + e.getMessage(), e);
            }
            if (!result.policyMet()) {
                throw new IllegalStateException("The demo's witnesses did not cosign the checkpoint: " + result.failures());
            }
        } finally {
            for (WitnessServer server : servers) {
                server.close();
            }
        }
    }

    private Path witnessFolder(String name) {
        return data.resolve("witnesses").resolve(name.replaceAll("[^A-Za-z0-9.-]", "_"));
    }

    /** The witness's signing key in its folder ({@code witness.key}, as {@code smolny witness} keeps it), created owner-only the first time. */
    private SignerKey witnessKey(String name) throws IOException {
        Path file = witnessFolder(name).resolve("witness.key");
        if (Files.isRegularFile(file)) {
            return SignerKey.parse(Files.readString(file).strip());
        }
        Files.createDirectories(file.getParent());
        SignerKey key = SignerKey.generate(name, KeyType.COSIGNATURE_V1);
        Path temporary = file.resolveSibling("witness.key.new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, key.encodedSecret() + "\n");
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temporary);
            return SignerKey.parse(Files.readString(file).strip());
        }
        return key;
    }

    private static void writePublic(Path file, List<VerifierKey> keys) throws IOException {
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
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
