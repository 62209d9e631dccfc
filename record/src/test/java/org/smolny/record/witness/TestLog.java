package org.smolny.record.witness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.smolny.record.merkle.Hash;
import org.smolny.record.note.Ed25519NoteSigner;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.SignerKey;
import org.smolny.record.note.VerifierKey;

/**
 * A small log for tests, written independently from RFC 9162 §2.1.1 (MTH) and §2.1.4.1 (SUBPROOF): leaves
 * "entry <i>" (or with a prefix, to build a forked history), checkpoints signed by its Ed25519 key.
 */
final class TestLog {

    final String origin;
    final SignerKey key;
    private final String entryPrefix;
    private final List<byte[]> leafHashes = new ArrayList<>();

    TestLog(String origin, SignerKey key, String entryPrefix, int size) {
        this.origin = origin;
        this.key = key;
        this.entryPrefix = entryPrefix;
        grow(size);
    }

    static TestLog create(String origin, int size) {
        return new TestLog(origin, SignerKey.generate(origin, KeyType.ED25519), "entry ", size);
    }

    /** Another history under the same key and origin: a fork. */
    TestLog fork(String prefix, int size) {
        return new TestLog(origin, key, prefix, size);
    }

    VerifierKey verifierKey() {
        return key.verifierKey();
    }

    KnownLog known() {
        return new KnownLog(origin, List.of(key.verifierKey()));
    }

    void grow(int size) {
        while (leafHashes.size() < size) {
            byte[] entry = (entryPrefix + leafHashes.size()).getBytes(StandardCharsets.UTF_8);
            leafHashes.add(hash(new byte[] {0x00}, entry));
        }
    }

    int size() {
        return leafHashes.size();
    }

    Hash root(int size) {
        return new Hash(mth(0, size));
    }

    String checkpointText(int size) {
        return origin + "\n" + size + "\n" + root(size).base64() + "\n";
    }

    SignedNote checkpoint(int size) {
        return SignedNote.sign(checkpointText(size), new Ed25519NoteSigner(key));
    }

    List<Hash> consistencyProof(long oldSize, long newSize) {
        return subproof((int) oldSize, 0, (int) newSize, true).stream().map(Hash::new).toList();
    }

    ConsistencyProofSource proofs() {
        return this::consistencyProof;
    }

    private byte[] mth(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return hash(new byte[0], new byte[0]);
        }
        if (n == 1) {
            return leafHashes.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return hash(new byte[] {0x01}, concat(mth(from, from + k), mth(from + k, to)));
    }

    private List<byte[]> subproof(int m, int from, int to, boolean complete) {
        int n = to - from;
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!complete) {
                proof.add(mth(from, to));
            }
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            proof.addAll(subproof(m, from, from + k, complete));
            proof.add(mth(from + k, to));
        } else {
            proof.addAll(subproof(m - k, from + k, to, false));
            proof.add(mth(from, from + k));
        }
        return proof;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hash(byte[] prefix, byte[] data) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prefix);
            sha256.update(data);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
