package org.smolny.verify.election;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.smolny.ballot.decrypt.Decryption;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.keyceremony.EncryptedShare;
import org.smolny.ballot.keyceremony.KeyCeremony;
import org.smolny.ballot.keyceremony.TrusteeAnnouncement;
import org.smolny.ballot.keyceremony.TrusteeConfirmation;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.record.CeremonyTranscript;
import org.smolny.ballot.record.DecryptionRecord;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.JointKeyRecord;
import org.smolny.ballot.record.RecordFormatException;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.ballot.tally.TrackingCode;

/**
 * The independent verifier of an election record (ballot spec §11). It reads only the published files, runs every
 * numbered check, and reports every failure rather than stopping at the first. Stateless; each call is independent.
 */
public final class ElectionVerifier {

    /** How the proofs of the board are checked; both check every proof. */
    public enum Mode {
        /** Random linear combination per chunk of ballots, one multi-scalar multiplication each (spec §9). */
        BATCH,
        /** Each proof equation evaluated on its own (the baseline). */
        ONE_AT_A_TIME
    }

    /** Options: mode, worker threads, ballots per batch chunk, and voters' receipts to look for (check 21). */
    public record Options(Mode mode, int threads, int chunkBallots, List<TrackingCode> receipts) {
        public Options {
            if (threads < 1 || chunkBallots < 1) {
                throw new IllegalArgumentException("threads and chunk size must be positive");
            }
            receipts = List.copyOf(receipts);
        }

        public static Options defaults() {
            return new Options(Mode.BATCH, 2, 16_384, List.of());
        }

        public Options withReceipts(List<TrackingCode> codes) {
            return new Options(mode, threads, chunkBallots, codes);
        }
    }

    private ElectionVerifier() {
    }

    public static VerificationReport verify(Path dir) {
        return verify(dir, Options.defaults());
    }

    /**
     * As {@link #verify(Path, Options)}, and also checks 22–27: the board against the public record's export and its
     * signed checkpoint (ballot spec §11.7, {@link RecordAnchorCheck}).
     */
    public static VerificationReport verify(Path dir, Options options, RecordAnchor record) {
        RecordAnchorCheck.Outcome anchored = RecordAnchorCheck.run(new ElectionRecordFiles(dir, P256Group.instance()),
                record, options.threads());
        return verify(dir, options).withRecordChecks(anchored.failures(), anchored.notRun());
    }

    public static VerificationReport verify(Path dir, Options options) {
        Group group = P256Group.instance();
        ElectionRecordFiles files = new ElectionRecordFiles(dir, group);
        List<Failure> failures = new ArrayList<>();

        // E1 — ballot spec §11.1
        Manifest manifest;
        try {
            byte[] bytes = files.manifestBytes();
            manifest = files.readManifest();
            if (!Arrays.equals(bytes, manifest.canonicalJson())) {
                failures.add(new Failure(Check.E1, ElectionRecordFiles.MANIFEST,
                        "not in canonical form (sorted keys, no whitespace, no trailing newline)"));
            }
        } catch (RecordFormatException e) {
            failures.add(new Failure(Check.E1, ElectionRecordFiles.MANIFEST, e.getMessage()));
            return new VerificationReport(failures, 0, 0, null);
        }
        ProofContext context = new ProofContext(group, manifest.hash());
        CeremonyParameters parameters = manifest.trustees();

        // E2–E5 — §11.2
        List<TrusteeAnnouncement> announcements = checkCeremony(files, context, parameters, failures);

        // E6
        GroupElement jointKey = null;
        Map<Integer, GroupElement> verificationKeys = new TreeMap<>();
        try {
            JointKeyRecord published = files.readJointKey();
            jointKey = published.jointKey();
            verificationKeys.putAll(published.verificationKeys());
            if (announcements != null) {
                if (!KeyCeremony.jointKey(group, announcements).equals(published.jointKey())) {
                    failures.add(new Failure(Check.E6, ElectionRecordFiles.JOINT_KEY,
                            "the joint key is not the product of the trustees' constant commitments"));
                }
                for (int j = 1; j <= parameters.trustees(); j++) {
                    GroupElement x = published.verificationKeys().get(j);
                    if (x == null || !x.equals(KeyCeremony.verificationKey(group, announcements, j))) {
                        failures.add(new Failure(Check.E6, ElectionRecordFiles.JOINT_KEY + " trustee " + j,
                                "the verification key is missing or does not match the commitments"));
                    }
                }
                if (published.verificationKeys().size() != parameters.trustees()) {
                    failures.add(new Failure(Check.E6, ElectionRecordFiles.JOINT_KEY,
                            "lists " + published.verificationKeys().size() + " verification keys for "
                                    + parameters.trustees() + " trustees"));
                }
            }
        } catch (IllegalArgumentException e) {
            failures.add(new Failure(Check.E6, ElectionRecordFiles.JOINT_KEY, e.getMessage()));
        }
        if (jointKey == null || jointKey.isIdentity()) {
            return new VerificationReport(failures, 0, 0, null);
        }
        ElectionPublicKey key = new ElectionPublicKey(jointKey);

        // E7 — §11.3
        // credential → its index and weight (the points themselves are not kept: a million-voter list stays small)
        Map<ByteBuffer, Long> credentials = new HashMap<>();
        int[] index = {0};
        long[] weights = {0};
        try {
            // streamed: a list of millions of credentials is never held as a JSON tree
            files.forEachCredential(c -> {
                if (credentials.put(ByteBuffer.wrap(c.key().encode()),
                        BoardCheck.credentialEntry(index[0]++, c.weight())) != null) {
                    failures.add(new Failure(Check.E7, ElectionRecordFiles.CREDENTIALS,
                            "the credential " + org.smolny.ballot.group.Bytes.hex(c.key().encode()) + " appears twice"));
                }
                weights[0] += c.weight();
            });
        } catch (RecordFormatException e) {
            failures.add(new Failure(Check.E7, ElectionRecordFiles.CREDENTIALS, e.getMessage()));
        }
        long totalWeight = weights[0];

        // E8–E16, E21 — §11.4
        BoardCheck.Outcome board = new BoardCheck(files, manifest, context, key, credentials, options).run();
        failures.addAll(board.failures());

        // E17 — §11.5
        EncryptedTally tally = null;
        try {
            tally = files.readTally();
            if (!sameShape(manifest, tally)) {
                failures.add(new Failure(Check.E17, ElectionRecordFiles.TALLY,
                        "the tally's shape does not match the manifest"));
                tally = null;
            } else {
                for (int c = 0; c < tally.totals().size(); c++) {
                    for (int s = 0; s < tally.totals().get(c).size(); s++) {
                        if (!tally.totals().get(c).get(s).equals(board.tally().get(c).get(s))) {
                            failures.add(new Failure(Check.E17, ElectionRecordFiles.TALLY + " contest " + c
                                    + " selection " + s, "differs from the product of the counted ballots"));
                        }
                    }
                }
            }
        } catch (RecordFormatException e) {
            failures.add(new Failure(Check.E17, ElectionRecordFiles.TALLY, e.getMessage()));
        }

        // E18–E20 — §11.6
        List<List<Long>> counts = null;
        if (tally != null) {
            counts = checkDecryption(files, context, parameters, verificationKeys, tally, totalWeight, failures);
        }
        return new VerificationReport(failures, board.entries(), board.relations(), counts);
    }

    private static List<TrusteeAnnouncement> checkCeremony(ElectionRecordFiles files, ProofContext context,
                                                           CeremonyParameters parameters, List<Failure> failures) {
        Group group = context.group();
        CeremonyTranscript ceremony;
        try {
            ceremony = files.readCeremony();
        } catch (RecordFormatException e) {
            failures.add(new Failure(Check.E2, ElectionRecordFiles.CEREMONY, e.getMessage()));
            return null;
        }
        int before = failures.size();
        Set<Integer> seen = new HashSet<>();
        for (TrusteeAnnouncement a : ceremony.announcements()) {
            String where = ElectionRecordFiles.CEREMONY + " announcement of trustee " + a.index();
            if (a.index() < 1 || a.index() > parameters.trustees() || !seen.add(a.index())) {
                failures.add(new Failure(Check.E2, where, "index out of 1.." + parameters.trustees() + " or repeated"));
            }
            if (a.commitments().size() != parameters.threshold()) {
                failures.add(new Failure(Check.E2, where, a.commitments().size() + " commitments, threshold is "
                        + parameters.threshold()));
            }
            List<org.smolny.ballot.proof.Relation> relations = a.proofRelations(context);
            for (int r = 0; r < relations.size(); r++) {
                if (!relations.get(r).holds()) {
                    failures.add(new Failure(Check.E3, where, r == 0 ? "the transport-key proof fails"
                            : "the proof of coefficient " + (r - 1) + " fails"));
                }
            }
        }
        if (seen.size() != parameters.trustees()) {
            failures.add(new Failure(Check.E2, ElectionRecordFiles.CEREMONY, seen.size() + " announcements for "
                    + parameters.trustees() + " trustees"));
        }
        Map<String, Integer> pairs = new HashMap<>();
        for (EncryptedShare s : ceremony.shares()) {
            pairs.merge(s.sender() + "->" + s.recipient(), 1, Integer::sum);
        }
        for (int i = 1; i <= parameters.trustees(); i++) {
            for (int j = 1; j <= parameters.trustees(); j++) {
                if (i != j && pairs.getOrDefault(i + "->" + j, 0) != 1) {
                    failures.add(new Failure(Check.E4, ElectionRecordFiles.CEREMONY,
                            "trustee " + i + " sent " + pairs.getOrDefault(i + "->" + j, 0) + " shares to trustee " + j));
                }
            }
        }
        if (pairs.size() != parameters.trustees() * (parameters.trustees() - 1)) {
            failures.add(new Failure(Check.E4, ElectionRecordFiles.CEREMONY, "shares between unknown trustees"));
        }
        boolean structureOk = failures.size() == before;
        List<TrusteeAnnouncement> announcements = ceremony.announcements();
        Map<Integer, TrusteeConfirmation> confirmations = new HashMap<>();
        ceremony.confirmations().forEach(c -> confirmations.put(c.index(), c));
        GroupElement joint = KeyCeremony.jointKey(group, announcements);
        for (int j = 1; j <= parameters.trustees(); j++) {
            TrusteeConfirmation c = confirmations.get(j);
            if (c == null) {
                failures.add(new Failure(Check.E5, ElectionRecordFiles.CEREMONY, "trustee " + j + " did not confirm"));
            } else if (!c.jointKey().equals(joint)
                    || !c.verificationKey().equals(KeyCeremony.verificationKey(group, announcements, j))) {
                failures.add(new Failure(Check.E5, ElectionRecordFiles.CEREMONY, "trustee " + j
                        + " confirmed keys that differ from the commitments"));
            }
        }
        return structureOk ? announcements : null;
    }

    private static boolean sameShape(Manifest manifest, EncryptedTally tally) {
        if (tally.totals().size() != manifest.contests().size()) {
            return false;
        }
        for (int c = 0; c < tally.totals().size(); c++) {
            if (tally.totals().get(c).size() != manifest.contests().get(c).selections().size()) {
                return false;
            }
        }
        return true;
    }

    private static List<List<Long>> checkDecryption(ElectionRecordFiles files, ProofContext context,
                                                    CeremonyParameters parameters,
                                                    Map<Integer, GroupElement> verificationKeys, EncryptedTally tally,
                                                    long totalWeight, List<Failure> failures) {
        Group group = context.group();
        DecryptionRecord decryption;
        try {
            decryption = files.readDecryption();
        } catch (RecordFormatException e) {
            failures.add(new Failure(Check.E18, ElectionRecordFiles.DECRYPTION, e.getMessage()));
            return null;
        }
        Map<Integer, PartialDecryption> valid = new HashMap<>();
        for (PartialDecryption p : decryption.partials()) {
            String where = ElectionRecordFiles.DECRYPTION + " trustee " + p.trustee();
            GroupElement x = verificationKeys.get(p.trustee());
            if (x == null) {
                failures.add(new Failure(Check.E18, where, "no verification key for this trustee"));
            } else if (!Decryption.verify(context, x, tally, p)) {
                failures.add(new Failure(Check.E18, where, "a Chaum-Pedersen proof fails or the shape is wrong"));
            } else if (valid.put(p.trustee(), p) != null) {
                failures.add(new Failure(Check.E18, where, "two partial decryptions from one trustee"));
            }
        }
        List<Integer> used = decryption.trustees();
        if (new HashSet<>(used).size() != used.size() || used.size() < parameters.threshold()) {
            failures.add(new Failure(Check.E19, ElectionRecordFiles.DECRYPTION, "combines " + used.size()
                    + " trustees " + used + "; the threshold is " + parameters.threshold() + " distinct trustees"));
            return null;
        }
        for (int i : used) {
            if (!valid.containsKey(i)) {
                failures.add(new Failure(Check.E19, ElectionRecordFiles.DECRYPTION,
                        "combines trustee " + i + ", which has no valid partial decryption"));
                return null;
            }
        }
        List<List<Long>> counts = decryption.counts();
        if (counts.size() != tally.totals().size()) {
            failures.add(new Failure(Check.E20, ElectionRecordFiles.DECRYPTION, "the counts' shape is wrong"));
            return null;
        }
        for (int c = 0; c < counts.size(); c++) {
            if (counts.get(c).size() != tally.totals().get(c).size()) {
                failures.add(new Failure(Check.E20, ElectionRecordFiles.DECRYPTION, "the counts' shape is wrong"));
                return null;
            }
            for (int s = 0; s < counts.get(c).size(); s++) {
                long t = counts.get(c).get(s);
                GroupElement gt = Decryption.plaintextElement(group, tally.totals().get(c).get(s), used, valid, c, s);
                if (t < 0 || t > totalWeight || !group.powerOfGenerator(group.scalar(t)).equals(gt)) {
                    failures.add(new Failure(Check.E20, ElectionRecordFiles.DECRYPTION + " contest " + c
                            + " selection " + s, "the count " + t + " is not the decryption of the tally"));
                }
            }
        }
        return counts;
    }

}
