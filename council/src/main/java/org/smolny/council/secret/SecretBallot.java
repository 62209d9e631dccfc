package org.smolny.council.secret;

import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.record.JointKeyRecord;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.council.congress.AmendmentId;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.election.ElectionId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.unit.UnitId;

import java.util.List;

/**
 * One secret ballot as its events made it: the question, the setup fixed at opening (manifest, tellers, joint key,
 * credential list) and where it stands. Immutable: each event makes a new value.
 *
 * @param id the ballot's id (its ballot box's election id, and its manifest's {@code electionId})
 * @param unit the unit whose act it is
 * @param question what is decided
 * @param manifest the manifest (ballot spec §1)
 * @param tellers the members who hold the key: trustee i is {@code tellers.get(i - 1)}
 * @param key the joint key and the tellers' verification keys
 * @param credentials the public credential list, as far as published
 * @param announced how many credentials the opening announced
 * @param phase where it stands
 */
public record SecretBallot(String id, UnitId unit, Question question, Manifest manifest, List<MemberId> tellers,
                           JointKeyRecord key, List<PublicCredential> credentials, int announced, Phase phase) {

    public SecretBallot {
        tellers = List.copyOf(tellers);
        credentials = List.copyOf(credentials);
    }

    /** What a secret ballot decides. */
    public sealed interface Question {
    }

    /** A question put to a congress: a motion, or an amendment to it ({@code amendment} non-null). */
    public record CongressQuestion(CongressId congress, MotionId motion, AmendmentId amendment, VoteMode weighting)
            implements Question {
    }

    /** A scheduled election of a mandate's seats; the candidates stand in the manifest's order. */
    public record MandateElection(ElectionId election) implements Question {
    }

    /** Where a secret ballot stands. */
    public sealed interface Phase {
    }

    /** Open: ballots are cast on its board (once every credential is published). */
    public record Open() implements Phase {
    }

    /** The box closed: the board was verified and the encrypted tally recorded; the tellers decrypt it next. */
    public record BoxClosed(int boardEntries, int counted, String lastTrackingCode, EncryptedTally tally) implements Phase {
    }

    /** Decrypted: the counts by contest and selection, from the tellers' proven partial decryptions. */
    public record Decrypted(int boardEntries, int counted, String lastTrackingCode, EncryptedTally tally, List<Integer> trustees,
                            List<List<Long>> counts) implements Phase {
        public Decrypted {
            trustees = List.copyOf(trustees);
            counts = counts.stream().map(List::copyOf).toList();
        }
    }

    /** Whether every credential the opening announced is on the record. */
    public boolean credentialsComplete() {
        return credentials.size() == announced;
    }

    /** What every proof of this ballot is bound to: the group and the manifest hash. */
    public ProofContext context() {
        return new ProofContext(P256Group.instance(), manifest.hash());
    }

    public ElectionPublicKey electionKey() {
        return new ElectionPublicKey(key.jointKey());
    }

    /** The sum of every credential's weight: the largest total a selection can have (ballot spec §8.4). */
    public long totalWeight() {
        return credentials.stream().mapToLong(PublicCredential::weight).sum();
    }

    /** Trustee {@code index}'s verification key Xᵢ, or null when there is no such trustee. */
    public GroupElement verificationKey(int index) {
        return key.verificationKeys().get(index);
    }

    SecretBallot with(Phase next) {
        return new SecretBallot(id, unit, question, manifest, tellers, key, credentials, announced, next);
    }

    SecretBallot withCredentials(List<PublicCredential> more) {
        List<PublicCredential> all = new java.util.ArrayList<>(credentials);
        all.addAll(more);
        return new SecretBallot(id, unit, question, manifest, tellers, key, all, announced, phase);
    }
}
