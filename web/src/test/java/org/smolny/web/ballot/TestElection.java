package org.smolny.web.ballot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.Contest;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.group.SecretScalar;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.record.RecordCodec;

/**
 * An election for the ballot tests: a chair contest (exactly one of Ada, Bea, Cy) and a motion (yes, at most one),
 * one trustee whose secret s the test keeps to decrypt (K = g^s), and voters with their secret credentials.
 */
public final class TestElection {

    public static final P256Group GROUP = P256Group.instance();
    public static final SecureRandom RANDOM = new SecureRandom();
    public static final ObjectMapper JSON = new ObjectMapper();

    public final SecretScalar electionSecret;
    public final OpenElection election;
    public final List<VoterCredential> voters;

    private TestElection(SecretScalar electionSecret, OpenElection election, List<VoterCredential> voters) {
        this.electionSecret = electionSecret;
        this.election = election;
        this.voters = voters;
    }

    static Manifest manifest(String id) {
        return new Manifest(id, "Branch election " + id, "P-256", new CeremonyParameters(1, 1), List.of(
                new Contest("chair", "Chair", List.of("Ada", "Bea", "Cy"), Contest.LimitKind.EXACTLY, 1),
                new Contest("motion", "Motion: strike on Monday", List.of("Yes"), Contest.LimitKind.AT_MOST, 1)));
    }

    public static TestElection create(String id, int voterCount) {
        SecretScalar s = GROUP.randomSecret(RANDOM);
        List<VoterCredential> voters = new ArrayList<>();
        List<PublicCredential> credentials = new ArrayList<>();
        for (int i = 0; i < voterCount; i++) {
            VoterCredential voter = VoterCredential.generate(GROUP, RANDOM);
            voters.add(voter);
            credentials.add(new PublicCredential(voter.publicKey(), 1));
        }
        ElectionPublicKey key = new ElectionPublicKey(GROUP.powerOfGenerator(s));
        return new TestElection(s, new OpenElection(id, manifest(id), key, credentials), voters);
    }

    /** A ballot encrypted and signed by the Java encryptor. */
    public BallotEncryptor.Encrypted encrypt(int voter, List<List<Long>> marks) {
        return BallotEncryptor.encrypt(election.proofContext(), election.manifest(), election.key(), voters.get(voter), marks, RANDOM);
    }

    public ObjectNode json(org.smolny.ballot.encrypt.EncryptedBallot ballot) {
        return new RecordCodec(GROUP).ballot(ballot);
    }

    public String credentialSecretHex(int voter) {
        return Bytes.hex(voters.get(voter).secret().revealEncoding());
    }

    public String keyHex() {
        return Bytes.hex(election.key().element().encode());
    }

    /** The small plaintext of a ciphertext, with the trustee's secret: g^m = B / A^s, m searched in 0..10. */
    public long decrypt(Ciphertext ciphertext) {
        GroupElement gm = ciphertext.beta().divide(ciphertext.alpha().power(electionSecret));
        GroupElement candidate = GROUP.identity();
        for (long m = 0; m <= 10; m++) {
            if (candidate.equals(gm)) {
                return m;
            }
            candidate = candidate.multiply(GROUP.generator());
        }
        throw new AssertionError("the ciphertext does not encrypt a number from 0 to 10");
    }
}
