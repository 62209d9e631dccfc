package org.smolny.ballot.tally;

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
import org.smolny.ballot.proof.ProofContext;

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
    private TrackingCode last;

    public BallotBoard(ProofContext context, Manifest manifest, ElectionPublicKey key,
                       List<PublicCredential> credentialList) {
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
    public synchronized Submission cast(EncryptedBallot ballot) {
        Optional<String> problem = check(ballot);
        if (problem.isPresent()) {
            return new Submission.Rejected(problem.get());
        }
        TrackingCode code = append(ballot);
        entries.add(new BoardEntry.Cast(ballot, code));
        return new Submission.Accepted(code);
    }

    /** Publishes a challenged ballot with its opening (Benaloh); it is never counted. */
    public synchronized Submission challenge(EncryptedBallot ballot, BallotReveal reveal) {
        Optional<String> problem = check(ballot).or(() -> BallotChecks.opening(manifest, key, ballot, reveal));
        if (problem.isPresent()) {
            return new Submission.Rejected(problem.get());
        }
        TrackingCode code = append(ballot);
        entries.add(new BoardEntry.Challenged(ballot, reveal, code));
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

    private TrackingCode append(EncryptedBallot ballot) {
        byte[] hash = ballot.hash(context.manifestHash());
        ballotHashes.add(new TrackingCode(hash));
        last = last.next(hash);
        return last;
    }

    public synchronized List<BoardEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized boolean contains(TrackingCode code) {
        return entries.stream().anyMatch(e -> e.trackingCode().equals(code));
    }
}
