package org.smolny.verify.election;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.BallotChecks;
import org.smolny.ballot.encrypt.EncryptedBallot;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.proof.BatchVerifier;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.proof.Relation;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.RecordFormatException;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.TrackingCode;

/**
 * Checks 8–16 and 21 over board.jsonl, streamed in chunks of ballots that worker threads parse and verify; a single
 * thread then checks the chain of tracking codes and duplicates in board order (ballot spec §11.4). In batch mode each
 * chunk's proof equations are combined into one multi-scalar multiplication; if that fails, the chunk is re-checked one
 * equation at a time to name every failing ballot. Not thread-safe; one instance per run.
 */
final class BoardCheck {
    record Outcome(List<Failure> failures, long entries, long relations, List<List<Ciphertext>> tally) {
    }

    /** What the board-order pass needs of a line; {@code credential} is the credential's index, or −1. */
    private record LineInfo(long line, boolean cast, int credential, byte[] ballotHash, TrackingCode code) {
    }

    private record ChunkResult(List<Failure> failures, List<LineInfo> lines, Ciphertext[][] tally, long relations) {
    }

    private final ElectionRecordFiles files;
    private final Manifest manifest;
    private final ProofContext context;
    private final ElectionPublicKey key;
    /** Credential → {@link #credentialEntry} (its index in credentials.json and its weight). */
    private final Map<ByteBuffer, Long> credentials;
    private final ElectionVerifier.Options options;
    private final Group group;

    BoardCheck(ElectionRecordFiles files, Manifest manifest, ProofContext context, ElectionPublicKey key,
               Map<ByteBuffer, Long> credentials, ElectionVerifier.Options options) {
        this.files = files;
        this.manifest = manifest;
        this.context = context;
        this.key = key;
        this.credentials = credentials;
        this.options = options;
        this.group = context.group();
    }

    /** The map value of a credential: its index in the list (high 32 bits) and its weight (1 to 10⁹, low 32 bits). */
    static long credentialEntry(int index, long weight) {
        return ((long) index << 32) | weight;
    }

    private static int indexOf(long entry) {
        return (int) (entry >>> 32);
    }

    private static long weightOf(long entry) {
        return entry & 0xffffffffL;
    }

    Outcome run() {
        List<Failure> failures = new ArrayList<>();
        Ciphertext[][] tally = emptyTally();
        long relations = 0;
        long entries = 0;
        TrackingCode previous = TrackingCode.start(context.manifestHash());
        Set<ByteBuffer> hashes = new HashSet<>();
        // the line of each credential's last cast ballot so far (0: none), by credential index
        long[] lastCast = new long[credentials.size() == 0 ? 0
                : 1 + credentials.values().stream().mapToInt(BoardCheck::indexOf).max().orElse(0)];
        Set<Long> superseded = new HashSet<>();
        Set<TrackingCode> receipts = new HashSet<>(options.receipts());
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try (BufferedReader reader = files.openBoard()) {
            int chunkBallots = chunkSize();
            ArrayDeque<Future<ChunkResult>> inFlight = new ArrayDeque<>();
            long lineNumber = 0;
            boolean more = true;
            while (more || !inFlight.isEmpty()) {
                while (more && inFlight.size() < options.threads() + 1) {
                    List<String> lines = new ArrayList<>(chunkBallots);
                    long first = lineNumber + 1;
                    String line;
                    while (lines.size() < chunkBallots && (line = reader.readLine()) != null) {
                        lines.add(line);
                        lineNumber++;
                    }
                    if (lines.isEmpty()) {
                        more = false;
                    } else {
                        inFlight.add(pool.submit(() -> checkChunk(lines, first)));
                    }
                }
                if (inFlight.isEmpty()) {
                    break;
                }
                ChunkResult chunk = inFlight.poll().get();
                failures.addAll(chunk.failures());
                relations += chunk.relations();
                add(tally, chunk.tally());
                for (LineInfo info : chunk.lines()) {
                    entries++;
                    String where = ElectionRecordFiles.BOARD + " line " + info.line();
                    if (info.ballotHash() == null) {
                        failures.add(new Failure(Check.E14, where, "the tracking code of an unreadable line cannot be checked"));
                        if (info.code() != null) {
                            previous = info.code();
                        }
                        continue;
                    }
                    TrackingCode expected = previous.next(info.ballotHash());
                    if (!expected.equals(info.code())) {
                        failures.add(new Failure(Check.E14, where, "the tracking code is " + info.code().hex()
                                + ", the chain gives " + expected.hex()));
                    }
                    previous = info.code();
                    if (!hashes.add(ByteBuffer.wrap(info.ballotHash()))) {
                        failures.add(new Failure(Check.E15, where, "this ballot is already on the board"));
                    }
                    receipts.remove(info.code());
                    if (info.cast() && info.credential() >= 0) {
                        long before = lastCast[info.credential()];
                        lastCast[info.credential()] = info.line();
                        if (before != 0) {
                            superseded.add(before);
                        }
                    }
                }
            }
        } catch (IOException | RecordFormatException e) {
            failures.add(new Failure(Check.E8, ElectionRecordFiles.BOARD, "cannot read: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("verification failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (!superseded.isEmpty()) {
            subtractSuperseded(tally, superseded, failures);
        }
        for (TrackingCode missing : receipts) {
            failures.add(new Failure(Check.E21, ElectionRecordFiles.BOARD, "the receipt " + missing.hex()
                    + " is not on the board"));
        }
        List<List<Ciphertext>> rows = new ArrayList<>();
        for (Ciphertext[] row : tally) {
            rows.add(List.of(row));
        }
        return new Outcome(failures, entries, relations, rows);
    }

    /**
     * The configured chunk size, or less for a board too small to give every thread a full chunk: the board's size
     * divided by the first line's length estimates the number of entries.
     */
    private int chunkSize() throws IOException {
        long size = java.nio.file.Files.size(files.dir().resolve(ElectionRecordFiles.BOARD));
        String first;
        try (BufferedReader firstLine = files.openBoard()) {
            first = firstLine.readLine();
        }
        if (first == null || first.isEmpty()) {
            return options.chunkBallots();
        }
        long estimatedEntries = size / (first.length() + 1) + 1;
        long perThread = (estimatedEntries + options.threads() - 1) / options.threads();
        return (int) Math.max(1, Math.min(options.chunkBallots(), perThread));
    }

    /** Parses and checks one chunk; runs on a worker thread and touches no shared mutable state. */
    private ChunkResult checkChunk(List<String> lines, long firstLine) {
        List<Failure> failures = new ArrayList<>();
        List<LineInfo> infos = new ArrayList<>(lines.size());
        Ciphertext[][] tally = emptyTally();
        BatchVerifier batch = new BatchVerifier(group, new SecureRandom(), Integer.MAX_VALUE, 1);
        List<Checked> toCheck = new ArrayList<>();
        long relations = 0;
        for (int i = 0; i < lines.size(); i++) {
            long line = firstLine + i;
            String where = ElectionRecordFiles.BOARD + " line " + line;
            BoardEntry entry;
            try {
                entry = files.parseBoardLine(lines.get(i), line);
                lines.set(i, null);   // the text is no longer needed: a chunk's memory shrinks as it is parsed
            } catch (RecordFormatException e) {
                failures.add(new Failure(Check.E8, where, e.getMessage()));
                infos.add(new LineInfo(line, false, -1, null, null));
                continue;
            }
            EncryptedBallot ballot = entry.ballot();
            byte[] hash = ballot.hash(context.manifestHash());
            boolean cast = entry instanceof BoardEntry.Cast;
            ByteBuffer credentialKey = ByteBuffer.wrap(ballot.credential().encode());
            Long credential = credentials.get(credentialKey);
            if (credential == null) {
                failures.add(new Failure(Check.E9, where, "the credential is not on the published list"));
            }
            Optional<String> shape = BallotChecks.structure(manifest, ballot);
            if (shape.isPresent()) {
                failures.add(new Failure(Check.E10, where, shape.get()));
                infos.add(new LineInfo(line, cast, -1, hash, entry.trackingCode()));
                continue;
            }
            Checked checked = relationsOf(ballot, where, failures);
            relations += checked.count();
            if (options.mode() == ElectionVerifier.Mode.BATCH) {
                checked.addTo(batch);
                toCheck.add(checked);
            } else {
                checked.checkOneAtATime(failures);
            }
            if (entry instanceof BoardEntry.Challenged challenged) {
                BallotChecks.opening(manifest, key, ballot, challenged.reveal())
                        .ifPresent(problem -> failures.add(new Failure(Check.E16, where, problem)));
            }
            if (cast && credential != null) {
                addBallot(tally, ballot, weightOf(credential));
            }
            infos.add(new LineInfo(line, cast, credential == null ? -1 : indexOf(credential), hash, entry.trackingCode()));
        }
        if (options.mode() == ElectionVerifier.Mode.BATCH && !batch.verify()) {
            // ballot spec §9.4: the batch failed, so find every failing equation one at a time
            for (Checked checked : toCheck) {
                checked.checkOneAtATime(failures);
            }
        }
        return new ChunkResult(failures, infos, tally, relations);
    }

    /** The relations of one ballot's proofs, by check; proofs whose challenges do not add up fail at once. */
    private final class Checked {
        final String where;
        Relation signature;
        final List<Labelled> proofs = new ArrayList<>();

        Checked(String where) {
            this.where = where;
        }

        long count() {
            return 1 + proofs.stream().mapToLong(p -> p.relations().size()).sum();
        }

        void addTo(BatchVerifier batch) {
            batch.add(signature);
            proofs.forEach(p -> batch.addAll(p.relations()));
        }

        void checkOneAtATime(List<Failure> failures) {
            if (!signature.holds()) {
                failures.add(new Failure(Check.E11, where, "the credential signature does not hold"));
            }
            for (Labelled p : proofs) {
                if (!p.relations().stream().allMatch(Relation::holds)) {
                    failures.add(new Failure(p.check(), where, p.what() + " does not hold"));
                }
            }
        }
    }

    private record Labelled(Check check, String what, List<Relation> relations) {
    }

    private Checked relationsOf(EncryptedBallot ballot, String where, List<Failure> failures) {
        Checked checked = new Checked(where);
        checked.signature = BallotChecks.signature(context, ballot);
        for (int c = 0; c < ballot.contests().size(); c++) {
            for (int s = 0; s < ballot.contests().get(c).selections().size(); s++) {
                String what = "the 0/1 proof of contest " + c + " selection " + s;
                Optional<List<Relation>> rs = BallotChecks.selection(context, key, ballot, c, s);
                if (rs.isEmpty()) {
                    failures.add(new Failure(Check.E12, where, what + ": wrong number of branches, or its challenges do not add up to the Fiat-Shamir challenge"));
                } else {
                    checked.proofs.add(new Labelled(Check.E12, what, rs.get()));
                }
            }
            String what = "the range proof of contest " + c;
            Optional<List<Relation>> rs = BallotChecks.contest(context, manifest, key, ballot, c);
            if (rs.isEmpty()) {
                failures.add(new Failure(Check.E13, where, what + ": wrong number of branches, or its challenges do not add up to the Fiat-Shamir challenge"));
            } else if (!rs.get().isEmpty()) {
                checked.proofs.add(new Labelled(Check.E13, what, rs.get()));
            }
        }
        return checked;
    }

    private void subtractSuperseded(Ciphertext[][] tally, Set<Long> superseded, List<Failure> failures) {
        try (BufferedReader reader = files.openBoard()) {
            String line;
            long n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (superseded.contains(n)) {
                    EncryptedBallot ballot = files.parseBoardLine(line, n).ballot();
                    long weight = weightOf(credentials.get(ByteBuffer.wrap(ballot.credential().encode())));
                    Ciphertext[][] one = emptyTally();
                    addBallot(one, ballot, weight);
                    for (int c = 0; c < tally.length; c++) {
                        for (int s = 0; s < tally[c].length; s++) {
                            tally[c][s] = new Ciphertext(tally[c][s].alpha().divide(one[c][s].alpha()),
                                    tally[c][s].beta().divide(one[c][s].beta()));
                        }
                    }
                }
            }
        } catch (IOException | RecordFormatException e) {
            failures.add(new Failure(Check.E8, ElectionRecordFiles.BOARD, "cannot re-read: " + e.getMessage()));
        }
    }

    private Ciphertext[][] emptyTally() {
        Ciphertext[][] t = new Ciphertext[manifest.contests().size()][];
        for (int c = 0; c < t.length; c++) {
            t[c] = new Ciphertext[manifest.contests().get(c).selections().size()];
            java.util.Arrays.fill(t[c], Ciphertext.zero(group));
        }
        return t;
    }

    private void addBallot(Ciphertext[][] tally, EncryptedBallot ballot, long weight) {
        for (int c = 0; c < tally.length; c++) {
            for (int s = 0; s < tally[c].length; s++) {
                Ciphertext ct = ballot.contests().get(c).selections().get(s).ciphertext();
                tally[c][s] = tally[c][s].add(weight == 1 ? ct : ct.scale(group.scalar(weight)));
            }
        }
    }

    private static void add(Ciphertext[][] into, Ciphertext[][] part) {
        for (int c = 0; c < into.length; c++) {
            for (int s = 0; s < into[c].length; s++) {
                into[c][s] = into[c][s].add(part[c][s]);
            }
        }
    }
}
