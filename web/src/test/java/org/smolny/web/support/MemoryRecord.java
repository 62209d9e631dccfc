package org.smolny.web.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.smolny.record.note.Ed25519NoteSigner;
import org.smolny.record.note.Ed25519NoteVerifier;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.NoteVerifiers;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.SignerKey;
import org.smolny.record.witness.Cosignature;
import org.smolny.record.witness.CosignatureVerifier;
import org.smolny.record.witness.Cosigner;
import org.smolny.web.record.RecordEntry;
import org.smolny.web.record.RecordView;
import org.smolny.web.record.SignedCheckpoint;

/**
 * A small record held in memory for the web tests: RFC 9162 hashing and proofs written
 * straight from the RFC's recursive definitions (§2.1.1 MTH, §2.1.3.1 PATH, §2.1.4.1 PROOF) — independently of the record
 * module, whose verifier the pages use — checkpoints signed as C2SP signed notes with the record module's
 * Ed25519 signer and cosigned by its witness {@link Cosigner}. It can also be tampered with
 * ({@link #rewrite}) to show that the pages expose a rewritten entry.
 */
public final class MemoryRecord implements RecordView {

    private final String origin;
    private final SignerKey logKey;
    private final List<Cosigner> witnesses = new ArrayList<>();
    private final List<byte[]> entries = new CopyOnWriteArrayList<>();
    private volatile SignedCheckpoint checkpoint;

    public MemoryRecord(String origin, String... witnessNames) {
        this.origin = origin;
        this.logKey = SignerKey.generate(origin, KeyType.ED25519);
        for (String name : witnessNames) {
            witnesses.add(new Cosigner(SignerKey.generate(name, KeyType.COSIGNATURE_V1), java.time.Clock.systemUTC()));
        }
    }

    public void append(String json) {
        entries.add(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs a checkpoint of the current size and has every witness cosign it. */
    public void sign() {
        sign(logKey);
    }

    /**
     * Signs a checkpoint with {@code signer} while the record still presents its own log key: what a forger
     * without the log's private key can do.
     */
    public void forge(SignerKey signer) {
        sign(signer);
    }

    private void sign(SignerKey signer) {
        int size = entries.size();
        byte[] root = treeHash(entries.subList(0, size));
        String text = origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        SignedNote note = SignedNote.sign(text, new Ed25519NoteSigner(signer));
        List<SignedCheckpoint.WitnessCosignature> cosignatures = new ArrayList<>();
        List<org.smolny.record.note.NoteSignature> lines = new ArrayList<>();
        for (Cosigner witness : witnesses) {
            Cosignature cosignature = witness.cosign(textBytes);
            lines.add(cosignature.toNoteSignature());
            boolean valid = new CosignatureVerifier(witness.verifierKey()).verify(textBytes, cosignature);
            cosignatures.add(new SignedCheckpoint.WitnessCosignature(witness.name(), witness.keyId().hex(),
                    Instant.ofEpochSecond(cosignature.timestamp()), valid));
        }
        SignedNote cosigned = note.withSignatures(lines);
        boolean logValid;
        try {
            cosigned.verify(NoteVerifiers.of(new Ed25519NoteVerifier(logKey.verifierKey())));
            logValid = true;
        } catch (org.smolny.record.note.NoteException e) {
            logValid = false;
        }
        checkpoint = new SignedCheckpoint(cosigned.encoded(), origin, size, root, logValid, logKey.verifierKey().encoded(), cosignatures);
    }

    /** Replaces entry {@code index} in place, as someone with database access might: the signed checkpoint stays. */
    public void rewrite(int index, String json) {
        entries.set(index, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public long size() {
        return entries.size();
    }

    @Override
    public List<RecordEntry> entries(long from, int count) {
        List<RecordEntry> result = new ArrayList<>();
        for (long i = from; i < from + count && i < entries.size(); i++) {
            result.add(entry(i));
        }
        return result;
    }

    @Override
    public RecordEntry entry(long index) {
        byte[] bytes = entries.get((int) index);
        String json = new String(bytes, StandardCharsets.UTF_8);
        String type = json.replaceAll("(?s).*\"type\":\"([^\"]+)\".*", "$1");
        return new RecordEntry(index, type, json, leafHash(bytes));
    }

    @Override
    public Optional<SignedCheckpoint> latestCheckpoint() {
        return Optional.ofNullable(checkpoint);
    }

    @Override
    public List<byte[]> inclusionProof(long index, long size) {
        return path((int) index, entries.subList(0, (int) size));
    }

    @Override
    public List<byte[]> consistencyProof(long from, long to) {
        return subproof((int) from, entries.subList(0, (int) to), true);
    }

    // RFC 9162 §2.1.1
    static byte[] treeHash(List<byte[]> leaves) {
        int n = leaves.size();
        if (n == 0) {
            return sha256(new byte[0]);
        }
        if (n == 1) {
            return leafHash(leaves.getFirst());
        }
        int k = largestPowerOfTwoBelow(n);
        return node(treeHash(leaves.subList(0, k)), treeHash(leaves.subList(k, n)));
    }

    // RFC 9162 §2.1.3.1
    private static List<byte[]> path(int m, List<byte[]> leaves) {
        int n = leaves.size();
        List<byte[]> result = new ArrayList<>();
        if (n <= 1) {
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            result.addAll(path(m, leaves.subList(0, k)));
            result.add(treeHash(leaves.subList(k, n)));
        } else {
            result.addAll(path(m - k, leaves.subList(k, n)));
            result.add(treeHash(leaves.subList(0, k)));
        }
        return result;
    }

    // RFC 9162 §2.1.4.1
    private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
        int n = leaves.size();
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(treeHash(leaves));
            }
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            result.addAll(subproof(m, leaves.subList(0, k), b));
            result.add(treeHash(leaves.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, leaves.subList(k, n), false));
            result.add(treeHash(leaves.subList(0, k)));
        }
        return result;
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    static byte[] leafHash(byte[] data) {
        byte[] input = new byte[data.length + 1];
        System.arraycopy(data, 0, input, 1, data.length);
        return sha256(input);
    }

    private static byte[] node(byte[] left, byte[] right) {
        byte[] input = new byte[65];
        input[0] = 1;
        System.arraycopy(left, 0, input, 1, 32);
        System.arraycopy(right, 0, input, 33, 32);
        return sha256(input);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
