package org.smolny.ballot.simulate;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.BallotReveal;
import org.smolny.ballot.encrypt.Contest;
import org.smolny.ballot.encrypt.EncryptedBallot;
import org.smolny.ballot.encrypt.EncryptedContest;
import org.smolny.ballot.encrypt.EncryptedSelection;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.group.FixedBaseTable;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.group.PowerBatch;
import org.smolny.ballot.group.SecretScalar;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.keyceremony.TrusteeSecrets;
import org.smolny.ballot.proof.DisjunctiveProof;
import org.smolny.ballot.proof.FiatShamir;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.proof.ProofLabel;
import org.smolny.ballot.proof.SchnorrProof;
import org.smolny.ballot.proof.Transcript;
import org.smolny.ballot.record.DecryptionRecord;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.JointKeyRecord;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.ballot.tally.TrackingCode;

/**
 * Plays an election of any size with honest participants and streams its record to files (ballot spec §10), in memory
 * that does not grow with the number of voters: ballots are encrypted in parallel on every thread, written to
 * {@code board.jsonl} (and the credentials to {@code credentials.json}) in order as they are made, and the encrypted
 * tally is summed on the fly. The record has the same format as {@link ElectionSimulator}'s and is checked by the same
 * verifier.
 *
 * <p>How it is fast, and what that costs:
 * <ul>
 *   <li>Every nonce, proof commitment secret, simulated challenge and response, and signature nonce is fresh from a
 *   SHA-256 Hash_DRBG per thread (the JDK's {@code DRBG}, seeded from the system's entropy like SecureRandom).</li>
 *   <li>Voters' credential secrets are derived from one 256-bit seed drawn from the caller's SecureRandom
 *   (u_v = SHA-512(seed ‖ v) mod q), so that a re-voting voter's credential can be recomputed instead of kept; the
 *   seed is never written anywhere.</li>
 *   <li>Every point is a product of powers of the two fixed bases g and K: the simulator knows every exponent, so it
 *   computes a simulated branch's commitments as a = g^s, b = K^s·g^(c·(mⱼ − m)) with v = s + c·r (the same values,
 *   with the same distribution, as eq 12's g^v·A^(−c) and K^v·(B·g^(−mⱼ))^(−c)), using precomputed
 *   {@link FixedBaseTable}s and normalising each ballot's points with one inversion ({@link PowerBatch}).</li>
 *   <li>The table lookups are <b>not constant-time</b>. That is acceptable for a simulator, whose secrets protect
 *   nothing; voters' devices keep {@code BallotEncryptor} and its constant-time multipliers (ballot spec §2.5).</li>
 * </ul>
 *
 * <p>The board holds, for each voter in order, a Benaloh-challenged ballot first (for the first {@code challenged}
 * voters) and a cast ballot; then the last {@code revotes} voters cast a second ballot, which is the one counted.
 * Stateless; each call is independent.
 */
public final class StreamingElectionSimulator {
    private static final int CHUNK_VOTERS = 256;
    private static final String PLACEHOLDER_CODE = "0".repeat(64);
    private static final String CODE_SUFFIX = "\"trackingCode\":\"" + PLACEHOLDER_CODE + "\"}";

    /** What the simulation wrote, with the counts its own marks add up to and the trustees' secrets. */
    public record Result(Manifest manifest, long voters, long boardEntries, EncryptedTally tally,
                         DecryptionRecord decryption, List<List<Long>> expectedCounts, List<TrusteeSecrets> trustees) {
        @Override
        public String toString() {
            return "Result[" + manifest.electionId() + ", " + boardEntries + " board entries]";
        }
    }

    private StreamingElectionSimulator() {
    }

    /** A yes/no election of {@code p.selections()} questions, written to {@code files}. */
    public static Result simulate(SimulationParameters p, ElectionRecordFiles files, SecureRandom random,
                                  LongConsumer progress) {
        Manifest manifest = ElectionSimulator.yesNoManifest("simulated-" + Long.toHexString(random.nextLong()),
                p.selections(), new CeremonyParameters(p.trustees(), p.threshold()));
        return simulate(manifest, p, files, random, progress);
    }

    /**
     * Simulates an election of {@code manifest} (any contests; {@code p.selections()} is not used) and writes its
     * record; {@code progress} is told the number of board entries written after each chunk.
     */
    public static Result simulate(Manifest manifest, SimulationParameters p, ElectionRecordFiles files,
                                  SecureRandom random, LongConsumer progress) {
        P256Group group = P256Group.instance();
        ProofContext context = new ProofContext(group, manifest.hash());
        CeremonyParameters cp = manifest.trustees();
        Ceremony ceremony = Ceremony.run(context, cp, random);
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        Plan plan = new Plan(manifest, context, p, seed, FixedBaseTable.of(group.generator()),
                FixedBaseTable.of(ceremony.jointKey()), ceremony.jointKey(), new RecordCodec(group));

        ExecutorService pool = Executors.newFixedThreadPool(p.threads(), r -> {
            Thread t = new Thread(r, "simulate");
            t.setDaemon(true);
            return t;
        });
        Ciphertext[][] tally = emptyTally(group, manifest);
        long[][] counts = new long[manifest.contests().size()][];
        for (int c = 0; c < counts.length; c++) {
            counts[c] = new long[manifest.contests().get(c).selections().size()];
        }
        long totalWeight = 0;
        long entries = 0;
        try (ElectionRecordFiles.StreamedFile board = files.stream(ElectionRecordFiles.BOARD);
             ElectionRecordFiles.StreamedFile credentials = files.stream(ElectionRecordFiles.CREDENTIALS)) {
            credentials.write("{\"v\":1,\"credentials\":[");
            TrackingCode code = TrackingCode.start(context.manifestHash());
            List<int[]> chunks = new ArrayList<>();
            for (int from = 0; from < p.voters(); from += CHUNK_VOTERS) {
                chunks.add(new int[] {from, Math.min(p.voters(), from + CHUNK_VOTERS), 0});
            }
            for (int from = p.voters() - p.revotes(); from < p.voters(); from += CHUNK_VOTERS) {
                chunks.add(new int[] {from, Math.min(p.voters(), from + CHUNK_VOTERS), 1});
            }
            ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < chunks.size() || !inFlight.isEmpty()) {
                while (next < chunks.size() && inFlight.size() < 2 * p.threads() + 2) {
                    int[] range = chunks.get(next++);
                    inFlight.add(pool.submit(() -> plan.chunk(range[0], range[1], range[2] == 1)));
                }
                Chunk chunk = inFlight.poll().get();
                if (!chunk.credentials().isEmpty()) {
                    credentials.write(chunk.firstVoter() == 0 ? chunk.credentials() : "," + chunk.credentials());
                }
                for (int i = 0; i < chunk.lines().size(); i++) {
                    code = code.next(chunk.hashes().get(i));
                    board.write(chunk.lines().get(i));
                    board.write(code.hex());
                    board.write("\"}\n");
                }
                entries += chunk.lines().size();
                totalWeight += chunk.weight();
                for (int c = 0; c < tally.length; c++) {
                    for (int s = 0; s < tally[c].length; s++) {
                        tally[c][s] = tally[c][s].add(chunk.tally()[c][s]);
                        counts[c][s] += chunk.counts()[c][s];
                    }
                }
                progress.accept(entries);
            }
            credentials.write("]}\n");
            credentials.publish();
            board.publish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulation failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }

        List<List<Ciphertext>> rows = new ArrayList<>();
        for (Ciphertext[] row : tally) {
            rows.add(List.of(row));
        }
        EncryptedTally encryptedTally = new EncryptedTally(rows);
        DecryptionRecord decryption = ceremony.decrypt(context, cp, encryptedTally, totalWeight, random);
        List<List<Long>> expected = new ArrayList<>();
        for (long[] row : counts) {
            expected.add(java.util.Arrays.stream(row).boxed().toList());
        }
        if (!decryption.counts().equals(expected)) {
            throw new IllegalStateException("the decrypted counts " + decryption.counts()
                    + " differ from the simulated marks " + expected);
        }
        files.writeManifest(manifest);
        files.writeCeremony(ceremony.transcript());
        files.writeJointKey(new JointKeyRecord(ceremony.jointKey(), ceremony.verificationKeys()));
        files.writeTally(encryptedTally);
        files.writeDecryption(decryption);
        return new Result(manifest, p.voters(), entries, encryptedTally, decryption, expected, ceremony.secrets());
    }

    private static Ciphertext[][] emptyTally(Group group, Manifest manifest) {
        Ciphertext[][] t = new Ciphertext[manifest.contests().size()][];
        for (int c = 0; c < t.length; c++) {
            t[c] = new Ciphertext[manifest.contests().get(c).selections().size()];
            java.util.Arrays.fill(t[c], Ciphertext.zero(group));
        }
        return t;
    }

    /** One chunk's output: credential items, board lines without their tracking code, ballot hashes, partial sums. */
    private record Chunk(int firstVoter, String credentials, List<String> lines, List<byte[]> hashes,
                         Ciphertext[][] tally, long[][] counts, long weight) {
    }

    /** Per-thread working state: a DRBG and a batch of fixed-base powers. */
    private static final class Worker {
        final SecureRandom random;
        final PowerBatch batch;

        Worker(P256Group group) {
            try {
                this.random = SecureRandom.getInstance("DRBG",
                        DrbgParameters.instantiation(256, DrbgParameters.Capability.NONE, null));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks its DRBG", e);
            }
            this.batch = new PowerBatch(group);
        }
    }

    /** Everything the worker threads share (immutable), and the encryption of one chunk of voters. */
    private record Plan(Manifest manifest, ProofContext context, SimulationParameters p, byte[] seed,
                        FixedBaseTable g, FixedBaseTable k, GroupElement jointKey, RecordCodec codec) {
        private static final ThreadLocal<Worker> WORKER = ThreadLocal.withInitial(
                () -> new Worker(P256Group.instance()));

        Chunk chunk(int from, int to, boolean revotes) {
            Worker w = WORKER.get();
            Group group = context.group();
            StringBuilder credentials = new StringBuilder();
            List<String> lines = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            Ciphertext[][] tally = emptyTally(group, manifest);
            long[][] counts = new long[tally.length][];
            for (int c = 0; c < tally.length; c++) {
                counts[c] = new long[tally[c].length];
            }
            long weightSum = 0;
            for (int v = from; v < to; v++) {
                BigInteger u = credentialSecret(v);
                long weight = weight(v);
                if (!revotes) {
                    weightSum += weight;
                    if (v < p.challenged()) {
                        Encrypted e = encrypt(w, v, u, true);
                        lines.add(e.line());
                        hashes.add(e.hash());
                    }
                }
                Encrypted e = encrypt(w, v, u, false);
                if (!revotes) {
                    if (credentials.length() > 0) {
                        credentials.append(',');
                    }
                    credentials.append("{\"key\":\"").append(Bytes.hex(e.ballot().credential().encode()))
                            .append("\",\"weight\":").append(weight).append('}');
                }
                lines.add(e.line());
                hashes.add(e.hash());
                boolean counted = revotes || v < p.voters() - p.revotes();
                if (counted) {
                    for (int c = 0; c < tally.length; c++) {
                        for (int s = 0; s < tally[c].length; s++) {
                            Ciphertext ct = e.ballot().contests().get(c).selections().get(s).ciphertext();
                            tally[c][s] = tally[c][s].add(weight == 1 ? ct : ct.scale(group.scalar(weight)));
                            counts[c][s] += weight * e.marks().get(c).get(s);
                        }
                    }
                }
            }
            return new Chunk(from, credentials.toString(), lines, hashes, tally, counts, weightSum);
        }

        /** u_v = SHA-512(seed ‖ "credential" ‖ u64(v) ‖ u32(attempt)) mod q, the first non-zero attempt. */
        BigInteger credentialSecret(int voter) {
            BigInteger q = context.group().order();
            for (int attempt = 0; ; attempt++) {
                BigInteger u = new BigInteger(1, derive("credential", voter, attempt, "SHA-512")).mod(q);
                if (u.signum() != 0) {
                    return u;
                }
            }
        }

        long weight(int voter) {
            if (p.maxWeight() == 1) {
                return 1;
            }
            long bits = new BigInteger(1, derive("weight", voter, 0, "SHA-256")).longValue();
            return 1 + Math.floorMod(bits, p.maxWeight());
        }

        private byte[] derive(String purpose, int voter, int attempt, String algorithm) {
            try {
                MessageDigest digest = MessageDigest.getInstance(algorithm);
                digest.update(seed);
                digest.update(purpose.getBytes(StandardCharsets.US_ASCII));
                digest.update(java.nio.ByteBuffer.allocate(12).putLong(voter).putInt(attempt).array());
                return digest.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private Encrypted encrypt(Worker w, int voter, BigInteger u, boolean challenge) {
            P256Group group = (P256Group) context.group();
            BigInteger q = group.order();
            PowerBatch batch = w.batch;
            List<List<Long>> marks = ElectionSimulator.randomMarks(manifest, w.random);
            int credentialAt = batch.power(g, u);
            List<List<SelectionPlan>> selections = new ArrayList<>();
            List<Optional<ProofPlan>> contestProofs = new ArrayList<>();
            List<List<SecretScalar>> nonces = new ArrayList<>();
            for (int c = 0; c < marks.size(); c++) {
                Contest contest = manifest.contests().get(c);
                List<SelectionPlan> row = new ArrayList<>();
                List<SecretScalar> rowNonces = new ArrayList<>();
                BigInteger nonceSum = BigInteger.ZERO;
                long markSum = 0;
                for (int s = 0; s < marks.get(c).size(); s++) {
                    long m = marks.get(c).get(s);
                    SecretScalar r = group.randomSecret(w.random);
                    rowNonces.add(r);
                    int alphaAt = batch.power(g, r.revealValue());
                    int betaAt = m == 0 ? batch.power(k, r.revealValue())
                            : batch.product(k, r.revealValue(), g, BigInteger.valueOf(m));
                    row.add(new SelectionPlan(alphaAt, betaAt, ProofPlan.of(this, w, BallotEncryptor.ZERO_OR_ONE, m,
                            r.revealValue())));
                    nonceSum = nonceSum.add(r.revealValue());
                    markSum += m;
                }
                Optional<List<Long>> allowed = contest.allowedSums();
                if (allowed.isPresent()) {
                    BigInteger rs = nonceSum.mod(q);
                    int alphaAt = batch.power(g, rs);
                    int betaAt = markSum == 0 ? batch.power(k, rs) : batch.product(k, rs, g, BigInteger.valueOf(markSum));
                    ProofPlan plan = ProofPlan.of(this, w, allowed.get(), markSum, rs);
                    contestProofs.add(Optional.of(plan.on(alphaAt, betaAt)));
                } else {
                    contestProofs.add(Optional.empty());
                }
                selections.add(row);
                nonces.add(rowNonces);
            }
            BigInteger signatureNonce = group.randomSecret(w.random).revealValue();
            int commitmentAt = batch.power(g, signatureNonce);
            List<GroupElement> points = batch.finish();

            GroupElement credential = points.get(credentialAt);
            List<EncryptedContest> contests = new ArrayList<>();
            for (int c = 0; c < selections.size(); c++) {
                List<EncryptedSelection> row = new ArrayList<>();
                for (int s = 0; s < selections.get(c).size(); s++) {
                    SelectionPlan plan = selections.get(c).get(s);
                    Ciphertext ct = new Ciphertext(points.get(plan.alphaAt()), points.get(plan.betaAt()));
                    row.add(new EncryptedSelection(ct, plan.proof().prove(this, points, ProofLabel.SELECTION, ct,
                            BallotEncryptor.selectionStatement(credential, c, s))));
                }
                int contestIndex = c;
                Optional<DisjunctiveProof> proof = contestProofs.get(c).map(plan -> plan.prove(this, points,
                        ProofLabel.CONTEST, new Ciphertext(points.get(plan.alphaAt), points.get(plan.betaAt)),
                        BallotEncryptor.contestStatement(credential, contestIndex)));
                contests.add(new EncryptedContest(row, proof));
            }
            // ballot spec §7.2: the ballot hash does not cover the signature, so hash the ballot before signing it
            EncryptedBallot unsigned = new EncryptedBallot(credential, contests,
                    new SchnorrProof(group.generator(), group.scalar(0)));
            byte[] hash = unsigned.hash(context.manifestHash());
            GroupElement commitment = points.get(commitmentAt);
            BigInteger challengeValue = FiatShamir.challenge(ProofLabel.CREDENTIAL_SIGNATURE, context,
                    new Transcript().element(credential).append(EncryptedBallot.signatureStatement(hash)),
                    new Transcript().element(commitment)).value();
            SchnorrProof signature = new SchnorrProof(commitment,
                    group.scalar(signatureNonce.add(challengeValue.multiply(u)).mod(q)));
            EncryptedBallot ballot = new EncryptedBallot(credential, contests, signature);
            TrackingCode placeholder = TrackingCode.ofHex(PLACEHOLDER_CODE);
            BoardEntry entry = challenge
                    ? new BoardEntry.Challenged(ballot, new BallotReveal(marks, nonces), placeholder)
                    : new BoardEntry.Cast(ballot, placeholder);
            String line = RecordCodec.write(codec.boardEntry(entry));
            if (!line.endsWith(CODE_SUFFIX)) {
                throw new IllegalStateException("a board entry does not end with its tracking code");
            }
            // the writer appends the chained code and the closing "}
            String prefix = line.substring(0, line.length() - PLACEHOLDER_CODE.length() - 2);
            return new Encrypted(ballot, marks, prefix, hash);
        }
    }

    private record Encrypted(EncryptedBallot ballot, List<List<Long>> marks, String line, byte[] hash) {
    }

    private record SelectionPlan(int alphaAt, int betaAt, ProofPlan proof) {
    }

    /**
     * A disjunctive proof (ballot spec §4.3) planned before its points exist: the real branch's secret u and each
     * simulated branch's challenge cⱼ and exponent sⱼ, with the positions of their commitments in the batch.
     */
    private static final class ProofPlan {
        final List<Long> allowed;
        final int real;
        final BigInteger nonce;
        final BigInteger[] challenges;
        final BigInteger[] exponents;
        final int[] aAt;
        final int[] bAt;
        int alphaAt;
        int betaAt;

        private ProofPlan(List<Long> allowed, int real, BigInteger nonce) {
            this.allowed = allowed;
            this.real = real;
            this.nonce = nonce;
            this.challenges = new BigInteger[allowed.size()];
            this.exponents = new BigInteger[allowed.size()];
            this.aAt = new int[allowed.size()];
            this.bAt = new int[allowed.size()];
        }

        ProofPlan on(int alpha, int beta) {
            this.alphaAt = alpha;
            this.betaAt = beta;
            return this;
        }

        // eq 13 for the real branch (a = g^u, b = K^u); for a simulated branch j, eq 12 with A = g^r, B = g^m·K^r:
        // a = g^(v − c·r) = g^s and b = K^(v − c·r)·g^(c·(mⱼ − m)) = K^s·g^(c·(mⱼ − m)), where v = s + c·r
        static ProofPlan of(Plan plan, Worker w, List<Long> allowed, long m, BigInteger r) {
            P256Group group = (P256Group) plan.context().group();
            BigInteger q = group.order();
            int real = allowed.indexOf(m);
            if (real < 0) {
                throw new IllegalArgumentException("the plaintext " + m + " is not among the allowed values");
            }
            ProofPlan pp = new ProofPlan(allowed, real, r);
            PowerBatch batch = w.batch;
            for (int j = 0; j < allowed.size(); j++) {
                BigInteger s = group.randomSecret(w.random).revealValue();
                pp.exponents[j] = s;
                pp.aAt[j] = batch.power(plan.g(), s);
                if (j == real) {
                    pp.bAt[j] = batch.power(plan.k(), s);
                } else {
                    BigInteger c = group.randomScalar(w.random).value();
                    pp.challenges[j] = c;
                    BigInteger shift = c.multiply(BigInteger.valueOf(allowed.get(j) - m)).mod(q);
                    pp.bAt[j] = shift.signum() == 0 ? batch.power(plan.k(), s)
                            : batch.product(plan.k(), s, plan.g(), shift);
                }
            }
            return pp;
        }

        /** eq 14–16: the challenge over the statement and commitments, the real branch's challenge and responses. */
        DisjunctiveProof prove(Plan plan, List<GroupElement> points, ProofLabel label, Ciphertext ct,
                               Transcript extraStatement) {
            Group group = plan.context().group();
            BigInteger q = group.order();
            Transcript statement = new Transcript().element(plan.jointKey()).element(ct.alpha()).element(ct.beta());
            for (long value : allowed) {
                statement.integer(value);
            }
            statement.append(extraStatement);
            Transcript commitments = new Transcript();
            for (int j = 0; j < allowed.size(); j++) {
                commitments.element(points.get(aAt[j])).element(points.get(bAt[j]));
            }
            BigInteger c = FiatShamir.challenge(label, plan.context(), statement, commitments).value();
            BigInteger rest = BigInteger.ZERO;
            for (int j = 0; j < allowed.size(); j++) {
                if (j != real) {
                    rest = rest.add(challenges[j]);
                }
            }
            challenges[real] = c.subtract(rest).mod(q);
            List<DisjunctiveProof.Branch> branches = new ArrayList<>(allowed.size());
            for (int j = 0; j < allowed.size(); j++) {
                BigInteger v = exponents[j].add(challenges[j].multiply(nonce)).mod(q);
                branches.add(new DisjunctiveProof.Branch(points.get(aAt[j]), points.get(bAt[j]),
                        group.scalar(challenges[j]), group.scalar(v)));
            }
            return new DisjunctiveProof(branches);
        }
    }
}
