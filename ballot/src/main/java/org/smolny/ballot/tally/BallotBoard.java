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
    private final List<BoardEntry> entries = new ArrayList<>();
    private final Set<TrackingCode> ballotHashes = new HashSet<>();
    private final BoardSink sink;
    private TrackingCode last;

    public BallotBoard(ProofContext context, Manifest manifest, ElectionPublicKey key,
                       List<PublicCredential> credentialList) {
        this(context, manifest, key, credentialList, BoardSink.IN_MEMORY);
    }

    public BallotBoard(ProofContext context, Manifest manifest, ElectionPublicKey key,
                       List<PublicCredential> credentialList, BoardSink sink) {
        this.sink = sink;
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
        List<Optional<String>> problems = verifyConcurrently(ballots, threads);
        synchronized (this) {
            List<Submission> out = new ArrayList<>(ballots.size());
            List<BoardEntry> accepted = new ArrayList<>();
            TrackingCode before = last;
            Set<TrackingCode> added = new HashSet<>();
            for (int i = 0; i < ballots.size(); i++) {
                EncryptedBallot ballot = ballots.get(i);
                Optional<String> problem = problems.get(i);
                TrackingCode hash = new TrackingCode(ballot.hash(context.manifestHash()));
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
            entries.addAll(accepted);
            return out;
        }
    }

    private List<Optional<String>> verifyConcurrently(List<EncryptedBallot> ballots, int threads) {
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
                Optional<String> shape = BallotChecks.structure(manifest, ballot);
                if (shape.isPresent()) {
                    problems.set(i, shape);
                    continue;
                }
                Optional<List<List<Relation>>> relations = BallotChecks.proofRelations(context, manifest, key, ballot);
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
        entries.add(entry);
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


    public synchronized List<BoardEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized boolean contains(TrackingCode code) {
        return entries.stream().anyMatch(e -> e.trackingCode().equals(code));
    }
}
