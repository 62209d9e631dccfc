package org.smolny.ballot.encrypt;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.elgamal.ElGamal;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.SecretScalar;
import org.smolny.ballot.proof.DisjunctiveProof;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.proof.ProofLabel;
import org.smolny.ballot.proof.SchnorrProof;
import org.smolny.ballot.proof.Transcript;

/**
 * Encrypts and signs a ballot on the voter's device (ballot spec §5, §7). The result keeps the nonces so that the voter
 * can either cast the ballot (the nonces are forgotten) or challenge it (the nonces are revealed). Stateless.
 */
public final class BallotEncryptor {
    private BallotEncryptor() {
    }

    /** An encrypted, signed ballot and the nonces that open it. */
    public record Encrypted(EncryptedBallot ballot, BallotReveal opening) {
        /** Benaloh challenge: the opening to publish instead of casting. */
        public BallotReveal challenge() {
            return opening;
        }

        @Override
        public String toString() {
            return "Encrypted[ballot, opening redacted]";
        }
    }

    /** The statement context of selection j of contest i (ballot spec §5.2 eq 24). */
    public static Transcript selectionStatement(GroupElement credential, int contest, int selection) {
        return new Transcript().element(credential).integer(contest).integer(selection);
    }

    /** The statement context of contest i's range proof (ballot spec §5.3 eq 25). */
    public static Transcript contestStatement(GroupElement credential, int contest) {
        return new Transcript().element(credential).integer(contest);
    }

    public static final List<Long> ZERO_OR_ONE = List.of(0L, 1L);

    public static Encrypted encrypt(ProofContext context, Manifest manifest, ElectionPublicKey key,
                                    VoterCredential credential, List<List<Long>> marks, SecureRandom random) {
        Group group = context.group();
        if (marks.size() != manifest.contests().size()) {
            throw new IllegalArgumentException("the ballot has " + marks.size() + " contests, the manifest "
                    + manifest.contests().size());
        }
        List<List<SecretScalar>> nonces = new ArrayList<>();
        List<EncryptedContest> contests = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            Contest contest = manifest.contests().get(i);
            if (!contest.accepts(marks.get(i))) {
                throw new IllegalArgumentException("the marks " + marks.get(i) + " are not valid for contest "
                        + contest.id());
            }
            List<SecretScalar> contestNonces = new ArrayList<>();
            List<EncryptedSelection> selections = new ArrayList<>();
            SecretScalar nonceSum = null;
            long sum = 0;
            for (int j = 0; j < marks.get(i).size(); j++) {
                long m = marks.get(i).get(j);
                SecretScalar r = group.randomSecret(random);
                Ciphertext ct = ElGamal.encrypt(key, m, r);
                DisjunctiveProof proof = DisjunctiveProof.prove(ProofLabel.SELECTION, context, key, ct, ZERO_OR_ONE,
                        m, r, selectionStatement(credential.publicKey(), i, j), random);
                selections.add(new EncryptedSelection(ct, proof));
                contestNonces.add(r);
                nonceSum = nonceSum == null ? r : nonceSum.add(r);
                sum += m;
            }
            EncryptedContest unproven = new EncryptedContest(selections, Optional.empty());
            Optional<DisjunctiveProof> contestProof = Optional.empty();
            Optional<List<Long>> allowed = contest.allowedSums();
            if (allowed.isPresent()) {
                contestProof = Optional.of(DisjunctiveProof.prove(ProofLabel.CONTEST, context, key, unproven.sum(),
                        allowed.get(), sum, nonceSum, contestStatement(credential.publicKey(), i), random));
            }
            contests.add(new EncryptedContest(selections, contestProof));
            nonces.add(contestNonces);
        }
        byte[] hash = EncryptedBallot.hashOf(context.manifestHash(), credential.publicKey(), contests);
        SchnorrProof signature = SchnorrProof.prove(ProofLabel.CREDENTIAL_SIGNATURE, context, credential.publicKey(),
                credential.secret(), EncryptedBallot.signatureStatement(hash), random);
        return new Encrypted(new EncryptedBallot(credential.publicKey(), contests, signature),
                new BallotReveal(marks, nonces));
    }
}
