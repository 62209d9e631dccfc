package org.smolny.bench.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.record.LogKey;
import org.smolny.record.RecordLog;
import org.smolny.record.json.Entry;
import org.smolny.record.note.VerifierKey;
import org.smolny.record.store.Appended;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.record.tiles.TileExporter;
import org.smolny.verify.election.ElectionVerifier;
import org.smolny.verify.election.RecordAnchor;
import org.smolny.verify.election.VerificationReport;

/**
 * What checks 22–27 (ballot spec §11.7: the board against the public record) add to the verification of an election:
 * puts the board of an existing election record (from {@code smolny election simulate}) on a fresh SQLite record as
 * the ballot box does ({@code ballot.cast}/{@code ballot.challenged}, one other act per ten ballots), signs a
 * checkpoint, exports it as tiles, then times {@code ElectionVerifier.verify} without and with the export, best of
 * {@code --rounds}, and prints the difference per ballot.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.smolny.bench.verify.RecordAnchorRun --election DIR
 * --work /tmp/anchor-run --threads 2 --rounds 3}
 */
public final class RecordAnchorRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordAnchorRun() {
    }

    public static void main(String[] args) throws Exception {
        Path election = Path.of(arg(args, "--election", "/tmp/smolny-election"));
        Path work = Path.of(arg(args, "--work", "/tmp/smolny-anchor-run"));
        int threads = Integer.parseInt(arg(args, "--threads", "2"));
        int rounds = Integer.parseInt(arg(args, "--rounds", "3"));
        String id = new ElectionRecordFiles(election, org.smolny.ballot.group.P256Group.instance()).readManifest().electionId();
        Path export = work.resolve("export");
        VerifierKey logKey;
        long started = System.nanoTime();
        long ballots = 0;
        Files.createDirectories(work);
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(work.resolve("record.db")))) {
            RecordLog log = RecordLog.of(store, LogKey.loadOrCreate(work, "bench.smolny.local/record"));
            logKey = log.verifierKey();
            if (store.size() == 0) {
                List<CompletableFuture<Appended>> pending = new ArrayList<>();
                try (BufferedReader board = Files.newBufferedReader(election.resolve(ElectionRecordFiles.BOARD), StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = board.readLine()) != null) {
                        if (ballots % 10 == 0) {
                            pending.add(store.append(act(ballots)));
                        }
                        pending.add(store.append(ballot(id, JSON.readTree(line))));
                        ballots++;
                        if (pending.size() >= 2_000) {
                            pending.forEach(CompletableFuture::join);
                            pending.clear();
                        }
                    }
                }
                pending.forEach(CompletableFuture::join);
                log.signCheckpoint();
                TileExporter.export(store, export);
            }
            System.out.printf("record: %d entries, %d ballots of election %s, built and exported in %.1f s%n", store.size(),
                    ballots, id, (System.nanoTime() - started) / 1e9);
        }
        ElectionVerifier.Options options = new ElectionVerifier.Options(ElectionVerifier.Mode.BATCH, threads, 16_384, List.of());
        RecordAnchor anchor = RecordAnchor.of(export, logKey);
        ElectionVerifier.verify(election, options, anchor); // warm-up
        double without = Double.MAX_VALUE;
        double with = Double.MAX_VALUE;
        long entries = 0;
        for (int round = 0; round < rounds; round++) {
            System.out.printf("round %d, load average %.2f%n", round + 1, load());
            long t0 = System.nanoTime();
            VerificationReport plain = ElectionVerifier.verify(election, options);
            long t1 = System.nanoTime();
            VerificationReport anchored = ElectionVerifier.verify(election, options, anchor);
            long t2 = System.nanoTime();
            if (!plain.valid() || !anchored.valid()) {
                System.out.println(anchored.render());
                System.exit(1);
            }
            entries = anchored.boardEntries();
            without = Math.min(without, (t1 - t0) / 1e9);
            with = Math.min(with, (t2 - t1) / 1e9);
        }
        System.out.printf("%d board entries, %d threads: checks 1-21 best %.2f s; checks 1-27 best %.2f s; checks 22-27 add "
                        + "%.2f s = %.1f us per ballot (extrapolated to 1,589,000 ballots: %.0f s)%n", entries, threads, without,
                with, with - without, (with - without) / entries * 1e6, (with - without) / entries * 1_589_000);
    }

    private static Entry ballot(String id, JsonNode boardEntry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", 1).put("type", "cast".equals(boardEntry.path("kind").asText()) ? "ballot.cast" : "ballot.challenged")
                .put("org", "bench.example").putNull("unit").put("at", "2026-11-27T06:00:00Z").putNull("by");
        ObjectNode body = node.putObject("body");
        body.put("election", id);
        body.set("entry", boardEntry);
        return Entry.of(node);
    }

    private static Entry act(long n) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", 1).put("type", "member.admitted").put("org", "bench.example").put("unit", "branch-1")
                .put("at", "2026-11-27T06:00:00Z").putNull("by");
        node.putObject("body").put("member", "m-" + n);
        return Entry.of(node);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
