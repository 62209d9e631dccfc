package org.smolny.ballot.tally;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.BallotChecks;
import org.smolny.ballot.encrypt.BallotReveal;
import org.smolny.ballot.encrypt.EncryptedBallot;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.proof.BatchVerifier;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.proof.Relation;

/**
 * The ballot board as the server keeps it (ballot spec §7.4–7.5): it accepts a ballot only if its credential is on
 * the published list, its signature and every proof hold, and it is not already on the board; it chains tracking codes.
 * Thread-safe: submissions are serialised.
 */
public final class BallotBoard {
    private final ProofContext context;
    private final Manifest manifest;
    private final ElectionPublicKey key;
    private final Map<GroupElement, PublicCredential> credentials = new HashMap<>();
    /** The entries, in board order, when the board keeps them ({@link #entries()}); null when the sink alone does. */
    private final List<BoardEntry> entries;
    private final Set<TrackingCode> ballotHashes = new HashSet<>();
    private final BoardSink sink;
    private TrackingCode last;
    private int size;

    public BallotBoard(ProofContext context, Manifest manifest, ElectionPublicKey key,
                       List<PublicCredential> credentialList) {
        this(context, manifest, key, credentialList, BoardSink.IN_MEMORY);
    }

    /** A board that keeps its entries in memory ({@link #entries()}) and makes them durable through {@code sink}. */
    public BallotBoard(ProofContext context, Manifest manifest, ElectionPublicKey key,
                       List<PublicCredential> credentialList, BoardSink sink) {
        this(context, manifest, key, credentialList, sink, true);
    }

    /**
     * A board whose entries live in {@code sink} alone (the public record of a served election): it keeps only what it
     * needs to accept the next ballot, the ballot hashes already on it and the last tracking code, about a hundred bytes
     * per ballot instead of the whole ballot. Its {@link #entries()} is not available; read the entries from the sink.
     */
    public static BallotBoard keepingEntriesInSink(ProofContext context, Manifest manifest, ElectionPublicKey key,
                                                   List<PublicCredential> credentialList, BoardSink sink) {
        return new BallotBoard(context, manifest, key, credentialList, sink, false);
    }

    private BallotBoard(ProofContext context, Manifest manifest, ElectionPublicKey key,
                        List<PublicCredential> credentialList, BoardSink sink, boolean keepEntries) {
        this.entries = keepEntries ? new ArrayList<>() : null;
        this.sink = java.util.Objects.requireNonNull(sink, "sink");
        this.context = context;
        this.manifest = manifest;
        this.key = key;
        for (PublicCredential c : credentialList) {
            if (credentials.put(c.key(), c) != null) {
                throw new IllegalArgumentException("the credential list repeats a credential");
            }
        }
        this.last = TrackingCode.start(context.manifestHash());
    }

    /** Casts a ballot (re-voting: a later ballot with the same credential replaces the earlier in the tally). */
    public Submission cast(EncryptedBallot ballot) {
        return castAll(List.of(ballot), 1).get(0);
    }

    /**
     * Casts a batch of ballots: the proofs of all of them are batch-verified (a failing part is re-checked one ballot
     * at a time, so one bad ballot rejects only itself), then the valid ones are appended in order and made durable
     * through the sink in one call. Returns one submission per ballot, in order.
     */
    public List<Submission> castAll(List<EncryptedBallot> ballots, int threads) {
        byte[][] hashes = new byte[ballots.size()][];
        List<Optional<String>> problems = verifyConcurrently(ballots, hashes, threads);
        synchronized (this) {
            List<Submission> out = new ArrayList<>(ballots.size());
            List<BoardEntry> accepted = new ArrayList<>();
            TrackingCode before = last;
            Set<TrackingCode> added = new HashSet<>();
            for (int i = 0; i < ballots.size(); i++) {
                EncryptedBallot ballot = ballots.get(i);
                Optional<String> problem = problems.get(i);
                TrackingCode hash = new TrackingCode(hashes[i]);
                if (problem.isEmpty() && !credentials.containsKey(ballot.credential())) {
                    problem = Optional.of("the ballot's credential is not on the published credential list");
                }
                if (problem.isEmpty() && (ballotHashes.contains(hash) || added.contains(hash))) {
                    problem = Optional.of("this ballot is already on the board");
                }
                if (problem.isPresent()) {
                    out.add(new Submission.Rejected(problem.get()));
                    continue;
                }
                added.add(hash);
                last = last.next(hash.bytes());
                accepted.add(new BoardEntry.Cast(ballot, last));
                out.add(new Submission.Accepted(last));
            }
            try {
                sink.append(accepted);
            } catch (RuntimeException e) {
                last = before;
                throw e;
            }
            ballotHashes.addAll(added);
            size += accepted.size();
            if (entries != null) {
                entries.addAll(accepted);
            }
            return out;
        }
    }

    // The ballot hashes (eq 36) are computed here, once per ballot, outside the board's lock: the signature relation and
    // the tracking code both use them.
    private List<Optional<String>> verifyConcurrently(List<EncryptedBallot> ballots, byte[][] hashes, int threads) {
        int parts = Math.max(1, Math.min(threads, ballots.size()));
        List<Optional<String>> problems = new ArrayList<>(java.util.Collections.nCopies(ballots.size(),
                Optional.<String>empty()));
        java.util.stream.IntStream.range(0, parts).parallel().forEach(p -> {
            int from = ballots.size() * p / parts;
            int to = ballots.size() * (p + 1) / parts;
            BatchVerifier batch = new BatchVerifier(context.group(), new SecureRandom(), Integer.MAX_VALUE, 1);
            List<Integer> batched = new ArrayList<>();
            for (int i = from; i < to; i++) {
                EncryptedBallot ballot = ballots.get(i);
                hashes[i] = ballot.hash(context.manifestHash());
                Optional<String> shape = BallotChecks.structure(manifest, ballot);
                if (shape.isPresent()) {
                    problems.set(i, shape);
                    continue;
                }
                Optional<List<List<Relation>>> relations = BallotChecks.proofRelations(context, manifest, key, ballot,
                        hashes[i]);
                if (relations.isEmpty()) {
                    problems.set(i, Optional.of("a proof's challenges do not add up"));
                    continue;
                }
                relations.get().forEach(batch::addAll);
                batched.add(i);
            }
            if (!batch.verify()) {
                for (int i : batched) {
                    problems.set(i, BallotChecks.verifyAll(context, manifest, key, ballots.get(i)));
                }
            }
        });
        return problems;
    }

    /** Publishes a challenged ballot with its opening (Benaloh); it is never counted. */
    public synchronized Submission challenge(EncryptedBallot ballot, BallotReveal reveal) {
        Optional<String> problem = check(ballot).or(() -> BallotChecks.opening(manifest, key, ballot, reveal));
        if (problem.isPresent()) {
            return new Submission.Rejected(problem.get());
        }
        byte[] hash = ballot.hash(context.manifestHash());
        TrackingCode code = last.next(hash);
        BoardEntry entry = new BoardEntry.Challenged(ballot, reveal, code);
        sink.append(List.of(entry));
        ballotHashes.add(new TrackingCode(hash));
        last = code;
        size++;
        if (entries != null) {
            entries.add(entry);
        }
        return new Submission.Accepted(code);
    }

    private Optional<String> check(EncryptedBallot ballot) {
        if (!credentials.containsKey(ballot.credential())) {
            return Optional.of("the ballot's credential is not on the published credential list");
        }
        if (ballotHashes.contains(new TrackingCode(ballot.hash(context.manifestHash())))) {
            return Optional.of("this ballot is already on the board");
        }
        return BallotChecks.verifyAll(context, manifest, key, ballot);
    }


    /**
     * The entries in board order.
     *
     * @throws IllegalStateException on a board made by {@link #keepingEntriesInSink}, whose entries are in its sink
     */
    public synchronized List<BoardEntry> entries() {
        if (entries == null) {
            throw new IllegalStateException("this board keeps its entries in its sink only (the public record); read them there");
        }
        return List.copyOf(entries);
    }

    /** How many entries the board holds. */
    public synchronized int size() {
        return size;
    }

    /** The tracking code of the last entry (code₀ of eq 40 on an empty board). */
    public synchronized TrackingCode lastTrackingCode() {
        return last;
    }

    /** Whether an entry with this tracking code is on a board that keeps its entries ({@link #entries()}). */
    public synchronized boolean contains(TrackingCode code) {
        return entries().stream().anyMatch(e -> e.trackingCode().equals(code));
    }
}
