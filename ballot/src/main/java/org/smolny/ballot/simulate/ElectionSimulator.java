package org.smolny.ballot.simulate;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.smolny.ballot.decrypt.Decryption;
import org.smolny.ballot.decrypt.DecryptionOutcome;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.Contest;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.keyceremony.EncryptedShare;
import org.smolny.ballot.keyceremony.KeyCeremony;
import org.smolny.ballot.keyceremony.ShareCheck;
import org.smolny.ballot.keyceremony.TrusteeAnnouncement;
import org.smolny.ballot.keyceremony.TrusteeConfirmation;
import org.smolny.ballot.keyceremony.TrusteeSecrets;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.record.CeremonyTranscript;
import org.smolny.ballot.record.DecryptionRecord;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.JointKeyRecord;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.ballot.tally.TrackingCode;

/**
 * Plays a whole election with honest participants and writes its record (ballot spec §10): the key ceremony of every
 * trustee, one credential per voter, encrypted ballots (some challenged, some re-cast), the tally and the decryption by
 * the first k trustees. For tests, demonstrations and benchmarks. Stateless.
 */
public final class ElectionSimulator {
    private ElectionSimulator() {
    }

    /** The simulated election: what went into the record, plus the secrets a test may need. */
    public record Simulation(Manifest manifest, ProofContext context, CeremonyTranscript ceremony,
                             JointKeyRecord jointKey, List<PublicCredential> credentials, List<BoardEntry> board,
                             EncryptedTally tally, DecryptionRecord decryption, List<TrusteeSecrets> trustees,
                             List<List<List<Long>>> castMarks) {
        @Override
        public String toString() {
            return "Simulation[" + manifest.electionId() + ", " + board.size() + " board entries]";
        }
    }

    public static Manifest yesNoManifest(String electionId, int questions, CeremonyParameters trustees) {
        List<Contest> contests = new ArrayList<>();
        for (int i = 1; i <= questions; i++) {
            contests.add(new Contest("q" + i, "Question " + i, List.of("yes"), Contest.LimitKind.AT_MOST, 1));
        }
        return new Manifest(electionId, "Simulated election", "P-256", trustees, contests);
    }

    public static Simulation simulate(SimulationParameters p, SecureRandom random) {
        CeremonyParameters ceremonyParameters = new CeremonyParameters(p.trustees(), p.threshold());
        Manifest manifest = yesNoManifest("simulated-" + Long.toHexString(random.nextLong()), p.selections(),
                ceremonyParameters);
        return simulate(manifest, p, random);
    }

    public static Simulation simulate(Manifest manifest, SimulationParameters p, SecureRandom random) {
        Group group = P256Group.instance();
        ProofContext context = new ProofContext(group, manifest.hash());
        CeremonyParameters cp = manifest.trustees();

        // §6: the key ceremony
        Ceremony ceremony = Ceremony.run(context, cp, random);
        List<TrusteeSecrets> secrets = ceremony.secrets();
        Map<Integer, GroupElement> verificationKeys = ceremony.verificationKeys();
        GroupElement jointKey = ceremony.jointKey();
        ElectionPublicKey key = new ElectionPublicKey(jointKey);

        // §7: credentials and ballots
        List<VoterCredential> voters = new ArrayList<>();
        List<PublicCredential> credentials = new ArrayList<>();
        for (int v = 0; v < p.voters(); v++) {
            VoterCredential c = VoterCredential.generate(group, random);
            voters.add(c);
            long weight = p.maxWeight() == 1 ? 1 : 1 + Math.floorMod(random.nextLong(), p.maxWeight());
            credentials.add(new PublicCredential(c.publicKey(), weight));
        }
        // plan: every voter casts once; the first `challenged` voters challenge one ballot before; the last `revotes`
        // voters cast a second ballot after everyone (re-voting: the second counts)
        List<Job> jobs = new ArrayList<>();
        for (int v = 0; v < p.challenged(); v++) {
            jobs.add(new Job(v, true, randomMarks(manifest, random)));
        }
        for (int v = 0; v < p.voters(); v++) {
            jobs.add(new Job(v, false, randomMarks(manifest, random)));
        }
        for (int v = p.voters() - p.revotes(); v < p.voters(); v++) {
            jobs.add(new Job(v, false, randomMarks(manifest, random)));
        }
        List<BallotEncryptor.Encrypted> encrypted = encryptAll(context, manifest, key, voters, jobs, p.threads());
        List<BoardEntry> board = new ArrayList<>();
        TrackingCode code = TrackingCode.start(context.manifestHash());
        List<List<List<Long>>> castMarks = new ArrayList<>();
        for (int i = 0; i < p.voters(); i++) {
            castMarks.add(null);
        }
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            BallotEncryptor.Encrypted e = encrypted.get(i);
            code = code.next(e.ballot().hash(context.manifestHash()));
            if (job.challenge()) {
                board.add(new BoardEntry.Challenged(e.ballot(), e.challenge(), code));
            } else {
                board.add(new BoardEntry.Cast(e.ballot(), code));
                castMarks.set(job.voter(), job.marks());
            }
        }

        // §8: tally and decryption by the first k trustees
        EncryptedTally tally = EncryptedTally.compute(group, manifest, credentials, board);
        long bound = credentials.stream().mapToLong(PublicCredential::weight).sum();
        DecryptionRecord decryption = ceremony.decrypt(context, cp, tally, bound, random);
        return new Simulation(manifest, context, ceremony.transcript(),
                new JointKeyRecord(jointKey, verificationKeys), credentials, board, tally, decryption, secrets,
                castMarks);
    }

    /** Writes the public parts of a simulation as an election record directory. */
    public static void write(Simulation s, ElectionRecordFiles files) {
        files.writeManifest(s.manifest());
        files.writeCeremony(s.ceremony());
        files.writeJointKey(s.jointKey());
        files.writeCredentials(s.credentials());
        files.writeBoard(s.board());
        files.writeTally(s.tally());
        files.writeDecryption(s.decryption());
    }

    private record Job(int voter, boolean challenge, List<List<Long>> marks) {
    }

    static List<List<Long>> randomMarks(Manifest manifest, SecureRandom random) {
        List<List<Long>> marks = new ArrayList<>();
        for (Contest c : manifest.contests()) {
            List<Long> row;
            do {
                row = new ArrayList<>();
                for (int j = 0; j < c.selections().size(); j++) {
                    row.add(random.nextBoolean() ? 1L : 0L);
                }
            } while (!c.accepts(row));
            marks.add(row);
        }
        return marks;
    }

    private static List<BallotEncryptor.Encrypted> encryptAll(ProofContext context, Manifest manifest,
                                                              ElectionPublicKey key, List<VoterCredential> voters,
                                                              List<Job> jobs, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<BallotEncryptor.Encrypted>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) jobs.size() * t / threads);
                int to = (int) ((long) jobs.size() * (t + 1) / threads);
                parts.add(pool.submit(() -> {
                    SecureRandom random = new SecureRandom();
                    List<BallotEncryptor.Encrypted> out = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        Job job = jobs.get(i);
                        out.add(BallotEncryptor.encrypt(context, manifest, key, voters.get(job.voter()), job.marks(),
                                random));
                    }
                    return out;
                }));
            }
            List<BallotEncryptor.Encrypted> all = new ArrayList<>(jobs.size());
            for (Future<List<BallotEncryptor.Encrypted>> f : parts) {
                all.addAll(f.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("encryption failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
