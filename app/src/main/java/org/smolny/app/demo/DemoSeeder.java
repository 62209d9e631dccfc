package org.smolny.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.smolny.app.serve.RecordKeys;
import org.smolny.record.LogKey;
import org.smolny.record.RecordLog;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.shell.DemoUnion;
import org.smolny.record.checkpoint.Checkpoint;
import org.smolny.record.merkle.Hash;
import org.smolny.record.note.NoteException;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.KeyType;
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
 * Writes the demo union's record into a data folder: {@link DemoUnion} builds the national union of the statutes
 * {@code national-union.toml} (a copy of {@code docs/examples/national-union.toml} on the classpath) through the
 * council's real commands, then the council's clock catches up with today (expiries, lapses, overdue meetings go
 * on the record). The log ({@link LogKey}) then signs two checkpoints: one after the foundation (statutes, units,
 * members admitted) and one of the whole record; the demo's two witnesses cosign each over the real tlog-witness
 * protocol (witness servers started on the loopback address for the occasion, their state kept under
 * {@code witnesses/}), so they check a real consistency proof from the first to the second.
 *
 * <p>A restart finds the record complete and writes nothing. A record that holds council entries but no checkpoint
 * was interrupted while it was being built: it is reported, with what to do (remove the folder); a checkpoint
 * signed but not yet cosigned by both witnesses is cosigned on the next start. A record whose first entry is not the
 * adoption of the demo's statutes is another organisation's: the demo refuses it and changes nothing.
 *
 * <p>Data folder: {@code record.db}; {@code keys/log.key} and {@code keys/log.pub} ({@link LogKey});
 * {@code keys/witnesses.pub}; {@code witnesses/<name>/witness.key} and the witnesses' state.
 *
 * <p>Not thread-safe: one seeding of a data folder at a time.
 */
public final class DemoSeeder {

    /** The demo organisation's name, shown in every page's header (the organisation of the demo's statutes). */
    public static final String NAME = "General Union of Transport and Logistics Workers (demo)";

    /** The demo record's origin (first line of its checkpoints). */
    public static final String ORIGIN = "demo.smolny.local/record";

    /** The witnesses who cosign the demo's checkpoints: two sister unions. */
    public static final List<String> WITNESSES = List.of("dockers.union.example/witness", "rail.union.example/witness");

    /** The demo's statutes on the classpath, beside this class. */
    static final String STATUTES = "national-union.toml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FOUNDATION = Set.of("statutes.adopted", "unit.founded", "member.admitted");

    private final Path data;
    private final int branchesPerRegion;
    private final int membersPerBranch;

    /** The demo at its full size: 5 regions of 8 branches of 125 members. */
    public DemoSeeder(Path dataDirectory) {
        this(dataDirectory, 8, 125);
    }

    /** A smaller demo union (for tests): {@code branchesPerRegion} branches in each of 5 regions, {@code membersPerBranch} (16 or more, for the recall to reach its threshold) members each. */
    public DemoSeeder(Path dataDirectory, int branchesPerRegion, int membersPerBranch) {
        this.data = dataDirectory;
        this.branchesPerRegion = branchesPerRegion;
        this.membersPerBranch = membersPerBranch;
    }

    /** The demo's statutes, read from the classpath. */
    public static String statutes() {
        try (InputStream in = DemoSeeder.class.getResourceAsStream(STATUTES)) {
            if (in == null) {
                throw new IllegalStateException("the demo's statutes " + STATUTES + " are missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo's statutes: " + e.getMessage(), e);
        }
    }

    /** Makes sure the demo record is complete in {@code store}, and returns the public keys to check it with. */
    public RecordKeys seed(RecordStore store) throws IOException, InterruptedException {
        String statutes = statutes();
        if (store.size() > 0 && !adoptsTheDemoStatutes(store.rawEntries(0, 1).getFirst(), statutes)) {
            throw new IllegalStateException("The data folder " + data.toAbsolutePath()
                    + " holds another organisation's record; the demo leaves it alone. Use another --data folder.");
        }
        SignerKey logKey = LogKey.loadOrCreate(data, ORIGIN);
        RecordLog log = RecordLog.of(store, logKey);
        List<SignerKey> witnessKeys = new ArrayList<>();
        for (String name : WITNESSES) {
            witnessKeys.add(witnessKey(name));
        }
        writePublic(RecordKeys.keysFolder(data).resolve(RecordKeys.WITNESSES_PUBLIC), witnessKeys.stream().map(SignerKey::verifierKey).toList());

        if (store.size() == 0) {
            // The history ends two weeks before today, so its mandates (terms of 12 and 24 months) are in force.
            Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(9))
                    .minus(Duration.ofDays(DemoUnion.HISTORY_DAYS + 14));
            DemoUnion.load(store, statutes, branchesPerRegion, membersPerBranch, start);
            CouncilService.open(store, InstantSource.system()).tick();
        } else if (store.checkpoints().isEmpty()) {
            throw new IllegalStateException("The demo record in " + data.toAbsolutePath() + " was interrupted while it was being built ("
                    + store.size() + " entries, no checkpoint); remove the folder to start the demo afresh.");
        }
        long foundation = foundationSize(store);
        List<Long> sizes = new ArrayList<>(List.of(foundation));
        StoredCheckpoint latest = store.latestCheckpoint().orElse(null);
        sizes.add(latest != null && latest.size() > foundation ? latest.size() : store.size());
        for (long size : sizes) {
            StoredCheckpoint checkpoint = store.checkpoint(size).orElse(null);
            if (checkpoint == null || checkpoint.cosignatures().size() < witnessKeys.size()) {
                witness(log, logKey, size, witnessKeys);
            }
        }
        return RecordKeys.load(data);
    }

    /** Whether a record's first entry adopts the demo's statutes. */
    private static boolean adoptsTheDemoStatutes(byte[] first, String statutes) {
        try {
            JsonNode entry = JSON.readTree(first);
            return entry.path("type").asText().equals("statutes.adopted") && entry.path("body").path("text").asText().equals(statutes);
        } catch (IOException malformed) {
            return false;
        }
    }

    /** The size of the record once the union was founded: the statutes, the units and the first members admitted. */
    private static long foundationSize(RecordStore store) throws IOException {
        long index = 0;
        while (true) {
            List<byte[]> page = store.rawEntries(index, 1_000);
            for (byte[] raw : page) {
                if (!FOUNDATION.contains(JSON.readTree(raw).path("type").asText())) {
                    return index;
                }
                index++;
            }
            if (page.size() < 1_000) {
                return index;
            }
        }
    }

    /**
     * Signs a checkpoint of the record's first {@code size} entries (or takes the one stored) and has every demo witness
     * cosign it through the add-checkpoint protocol; their cosignatures are stored beside it.
     */
    private void witness(RecordLog log, SignerKey logKey, long size, List<SignerKey> witnessKeys) throws IOException, InterruptedException {
        Hash root = log.store().root(size);
        StoredCheckpoint stored = await(log.store().saveCheckpoint(size, root,
                Checkpoint.of(ORIGIN, size, root).sign(LogKey.signer(logKey)).encoded()));
        SignedNote note;
        try {
            note = SignedNote.parse(stored.note().getBytes(StandardCharsets.UTF_8));
        } catch (NoteException e) {
            throw new IllegalStateException("the demo's checkpoint of size " + size + " is not a signed note: " + e.getMessage(), e);
        }
        VerifierKey logPublic = logKey.verifierKey();
        List<WitnessServer> servers = new ArrayList<>();
        try {
            List<WitnessClient> clients = new ArrayList<>();
            for (SignerKey key : witnessKeys) {
                Witness witness = new Witness(new Cosigner(key, Clock.systemUTC()),
                        List.of(new KnownLog(ORIGIN, List.of(logPublic))), witnessFolder(key.name()));
                WitnessServer server = WitnessServer.start(witness, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "");
                servers.add(server);
                clients.add(new WitnessClient(server.submissionPrefix(), new CosignatureVerifier(key.verifierKey())));
            }
            WitnessingResult result;
            try {
                result = new Witnessing(clients, clients.size(), Duration.ofSeconds(30)).gather(note, log);
            } catch (LogHaltException e) {
                throw new IllegalStateException("A demo witness holds a checkpoint this record contradicts; the data folder "
                        + data.toAbsolutePath() + " was altered: " + e.getMessage(), e);
            }
            if (!result.policyMet()) {
                throw new IllegalStateException("The demo's witnesses did not cosign the checkpoint of size " + size + ": " + result.failures());
            }
            Instant now = Instant.now();
            List<StoredCosignature> cosignatures = result.cosignatures().stream().map(cosignature -> new StoredCosignature(size,
                    cosignature.witnessName(), cosignature.keyId().hex(), cosignature.line().strip(), now)).toList();
            await(log.store().addCosignatures(size, cosignatures));
        } finally {
            for (WitnessServer server : servers) {
                server.close();
            }
        }
    }

    private static RecordStore store(RecordLog log) {
        return log.store();
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
