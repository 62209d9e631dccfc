package org.smolny.ballot.encrypt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import org.smolny.ballot.proof.DisjunctiveProof;
import org.smolny.ballot.proof.ManifestHash;
import org.smolny.ballot.proof.SchnorrProof;
import org.smolny.ballot.proof.Transcript;
import org.smolny.ballot.group.GroupElement;

/**
 * A ballot as it goes on the board (ballot spec §7): the voter's public credential, the encrypted contests with their
 * proofs, and the credential's Schnorr signature on the ballot hash. Immutable.
 */
public record EncryptedBallot(GroupElement credential, List<EncryptedContest> contests, SchnorrProof signature) {
    public EncryptedBallot {
        Objects.requireNonNull(credential, "credential");
        contests = List.copyOf(contests);
        Objects.requireNonNull(signature, "signature");
    }

    /** The ballot hash (ballot spec §7.2 eq 36): SHA-256 of the ballot's transcript without the signature. */
    public byte[] hash(ManifestHash manifestHash) {
        return hashOf(manifestHash, credential, contests);
    }

    static byte[] hashOf(ManifestHash manifestHash, GroupElement credential, List<EncryptedContest> contests) {
        Transcript t = new Transcript().text("smolny/ballot/v1/ballot").bytes(manifestHash.bytes())
                .element(credential).integer(contests.size());
        for (EncryptedContest c : contests) {
            t.integer(c.selections().size());
            for (EncryptedSelection s : c.selections()) {
                t.element(s.ciphertext().alpha()).element(s.ciphertext().beta());
                proof(t, s.proof());
            }
            t.integer(c.proof().isPresent() ? 1 : 0);
            c.proof().ifPresent(p -> proof(t, p));
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(t.encoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void proof(Transcript t, DisjunctiveProof proof) {
        t.integer(proof.branches().size());
        for (DisjunctiveProof.Branch b : proof.branches()) {
            t.element(b.commitmentA()).element(b.commitmentB()).scalar(b.challenge()).scalar(b.response());
        }
    }

    /** The statement of the credential signature (ballot spec §7.2 eq 37): the ballot hash. */
    public static Transcript signatureStatement(byte[] ballotHash) {
        return new Transcript().bytes(ballotHash);
    }
}
