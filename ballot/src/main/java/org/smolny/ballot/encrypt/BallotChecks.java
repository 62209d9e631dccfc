package org.smolny.ballot.encrypt;

import java.util.List;
import java.util.Optional;
import org.smolny.ballot.elgamal.ElGamal;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.proof.ProofLabel;
import org.smolny.ballot.proof.Relation;

/**
 * The checks of one ballot (ballot spec §7.4), split by what they guarantee so that a server, a voter's device and the
 * independent verifier name the same failure. Proof checks return their relations, to be evaluated one at a time or
 * added to a batch. Stateless.
 */
public final class BallotChecks {
    private BallotChecks() {
    }

    /** The ballot's shape matches the manifest (contests, selections, presence and size of the proofs). */
    public static Optional<String> structure(Manifest manifest, EncryptedBallot ballot) {
        if (ballot.contests().size() != manifest.contests().size()) {
            return Optional.of("the ballot has " + ballot.contests().size() + " contests, the manifest "
                    + manifest.contests().size());
        }
        for (int i = 0; i < ballot.contests().size(); i++) {
            Contest contest = manifest.contests().get(i);
            EncryptedContest encrypted = ballot.contests().get(i);
            if (encrypted.selections().size() != contest.selections().size()) {
                return Optional.of("contest " + contest.id() + " has " + encrypted.selections().size()
                        + " selections, the manifest " + contest.selections().size());
            }
            Optional<List<Long>> allowed = contest.allowedSums();
            if (allowed.isPresent() != encrypted.proof().isPresent()) {
                return Optional.of("contest " + contest.id() + (allowed.isPresent()
                        ? " lacks its range proof" : " has a range proof the manifest does not call for"));
            }
            for (EncryptedSelection s : encrypted.selections()) {
                if (s.ciphertext().alpha().isIdentity() || s.ciphertext().beta().isIdentity()) {
                    return Optional.of("contest " + contest.id() + " has a ciphertext with an identity part");
                }
            }
        }
        return Optional.empty();
    }

    /** The relation of the credential signature (§7.2 eq 38). */
    public static Relation signature(ProofContext context, EncryptedBallot ballot) {
        return signature(context, ballot, ballot.hash(context.manifestHash()));
    }

    /** The relation of the credential signature (§7.2 eq 38) given the ballot hash (eq 36) already computed. */
    static Relation signature(ProofContext context, EncryptedBallot ballot, byte[] ballotHash) {
        return ballot.signature().relation(ProofLabel.CREDENTIAL_SIGNATURE, context, ballot.credential(),
                EncryptedBallot.signatureStatement(ballotHash));
    }

    /** The relations of selection j of contest i (§5.2), or empty if its challenges do not add up. */
    public static Optional<List<Relation>> selection(ProofContext context, ElectionPublicKey key,
                                                     EncryptedBallot ballot, int contest, int selection) {
        EncryptedSelection s = ballot.contests().get(contest).selections().get(selection);
        return s.proof().relations(ProofLabel.SELECTION, context, key, s.ciphertext(), BallotEncryptor.ZERO_OR_ONE,
                BallotEncryptor.selectionStatement(ballot.credential(), contest, selection));
    }

    /** The relations of contest i's range proof (§5.3); empty list if the contest needs none. */
    public static Optional<List<Relation>> contest(ProofContext context, Manifest manifest, ElectionPublicKey key,
                                                   EncryptedBallot ballot, int contest) {
        EncryptedContest c = ballot.contests().get(contest);
        Optional<List<Long>> allowed = manifest.contests().get(contest).allowedSums();
        if (allowed.isEmpty() || c.proof().isEmpty()) {
            return allowed.isEmpty() && c.proof().isEmpty() ? Optional.of(List.of()) : Optional.empty();
        }
        return c.proof().get().relations(ProofLabel.CONTEST, context, key, c.sum(), allowed.get(),
                BallotEncryptor.contestStatement(ballot.credential(), contest));
    }

    /**
     * The relations of every proof of the ballot, one list per proof (the signature first), or empty if a proof's
     * challenges do not add up. The caller checks {@link #structure} first.
     */
    public static Optional<List<List<Relation>>> proofRelations(ProofContext context, Manifest manifest,
                                                                ElectionPublicKey key, EncryptedBallot ballot) {
        return proofRelations(context, manifest, key, ballot, ballot.hash(context.manifestHash()));
    }

    /**
     * As {@link #proofRelations(ProofContext, Manifest, ElectionPublicKey, EncryptedBallot)}, given the ballot hash
     * (eq 36) the caller computed already from this ballot (the board needs it for the tracking code too). The
     * signature is checked against the hash given, so a hash of anything else only makes the signature fail.
     */
    public static Optional<List<List<Relation>>> proofRelations(ProofContext context, Manifest manifest,
                                                                ElectionPublicKey key, EncryptedBallot ballot,
                                                                byte[] ballotHash) {
        List<List<Relation>> out = new java.util.ArrayList<>();
        out.add(List.of(signature(context, ballot, ballotHash)));
        for (int i = 0; i < ballot.contests().size(); i++) {
            for (int j = 0; j < ballot.contests().get(i).selections().size(); j++) {
                Optional<List<Relation>> rs = selection(context, key, ballot, i, j);
                if (rs.isEmpty()) {
                    return Optional.empty();
                }
                out.add(rs.get());
            }
            Optional<List<Relation>> rs = contest(context, manifest, key, ballot, i);
            if (rs.isEmpty()) {
                return Optional.empty();
            }
            if (!rs.get().isEmpty()) {
                out.add(rs.get());
            }
        }
        return Optional.of(out);
    }

    /** One-at-a-time check of every proof of the ballot; the first failure's description, or empty if valid. */
    public static Optional<String> verifyAll(ProofContext context, Manifest manifest, ElectionPublicKey key,
                                             EncryptedBallot ballot) {
        Optional<String> shape = structure(manifest, ballot);
        if (shape.isPresent()) {
            return shape;
        }
        if (!signature(context, ballot).holds()) {
            return Optional.of("the credential signature is invalid");
        }
        for (int i = 0; i < ballot.contests().size(); i++) {
            for (int j = 0; j < ballot.contests().get(i).selections().size(); j++) {
                if (!selection(context, key, ballot, i, j).map(rs -> rs.stream().allMatch(Relation::holds))
                        .orElse(false)) {
                    return Optional.of("the 0/1 proof of selection " + j + " of contest " + i + " is invalid");
                }
            }
            if (!contest(context, manifest, key, ballot, i).map(rs -> rs.stream().allMatch(Relation::holds))
                    .orElse(false)) {
                return Optional.of("the range proof of contest " + i + " is invalid");
            }
        }
        return Optional.empty();
    }

    /** A challenged ballot's opening re-encrypts to the ballot's ciphertexts with valid marks (§7.3 eq 39). */
    public static Optional<String> opening(Manifest manifest, ElectionPublicKey key, EncryptedBallot ballot,
                                           BallotReveal reveal) {
        if (reveal.plaintexts().size() != ballot.contests().size()) {
            return Optional.of("the opening covers " + reveal.plaintexts().size() + " contests, the ballot "
                    + ballot.contests().size());
        }
        for (int i = 0; i < ballot.contests().size(); i++) {
            List<EncryptedSelection> selections = ballot.contests().get(i).selections();
            if (reveal.plaintexts().get(i).size() != selections.size()) {
                return Optional.of("the opening of contest " + i + " has the wrong number of selections");
            }
            if (!manifest.contests().get(i).accepts(reveal.plaintexts().get(i))) {
                return Optional.of("the opened marks of contest " + i + " break the contest's rules");
            }
            for (int j = 0; j < selections.size(); j++) {
                if (!ElGamal.encrypt(key, reveal.plaintexts().get(i).get(j), reveal.nonces().get(i).get(j))
                        .equals(selections.get(j).ciphertext())) {
                    return Optional.of("selection " + j + " of contest " + i + " does not re-encrypt to the ballot");
                }
            }
        }
        return Optional.empty();
    }
}
