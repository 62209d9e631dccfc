package org.smolny.ballot.group;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Multi-scalar multiplication Σ kᵢ·Pᵢ by the bucket method (ballot spec §9.3) on Bouncy Castle's point addition and
 * doubling. Buckets and partial sums stay in Jacobian coordinates (no normalisation per step); the input points are
 * normalised once, in one batch inversion, so that each bucket addition is a mixed addition. Stateless.
 */
final class Pippenger {
    private Pippenger() {
    }

    static ECPoint multiPower(ECCurve curve, List<ECPoint> points, List<BigInteger> scalars, int threads) {
        int n = points.size();
        if (n == 0) {
            return curve.getInfinity();
        }
        ECPoint[] affine = points.toArray(new ECPoint[0]);
        curve.normalizeAll(affine);
        BigInteger[] k = scalars.toArray(new BigInteger[0]);
        for (BigInteger ki : k) {
            if (ki.signum() < 0) {
                throw new IllegalArgumentException("multi-scalar multiplication takes exponents ≥ 0");
            }
        }
        int parts = Math.max(1, Math.min(threads, n / 4096 + 1));
        if (parts == 1) {
            return chunk(curve, affine, k, 0, n);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parts);
        try {
            List<Future<ECPoint>> futures = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int from = (int) ((long) n * p / parts);
                int to = (int) ((long) n * (p + 1) / parts);
                futures.add(pool.submit(() -> chunk(curve, affine, k, from, to)));
            }
            ECPoint sum = curve.getInfinity();
            for (Future<ECPoint> f : futures) {
                sum = sum.add(f.get());
            }
            return sum;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("multi-scalar multiplication interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("multi-scalar multiplication failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The window width c (bits per digit) for n points: about log2(n) − 2, between 2 and 18. */
    static int windowBits(int n) {
        int log = 32 - Integer.numberOfLeadingZeros(Math.max(1, n));
        return Math.max(2, Math.min(18, log - 2));
    }

    private static ECPoint chunk(ECCurve curve, ECPoint[] points, BigInteger[] k, int from, int to) {
        int n = to - from;
        int maxBits = 1;
        int[][] words = new int[n][];
        for (int i = 0; i < n; i++) {
            BigInteger ki = k[from + i];
            maxBits = Math.max(maxBits, ki.bitLength());
            words[i] = toWords(ki);
        }
        int c = windowBits(n);
        int windows = (maxBits + c - 1) / c;
        ECPoint infinity = curve.getInfinity();
        ECPoint result = infinity;
        ECPoint[] buckets = new ECPoint[1 << c];
        for (int w = windows - 1; w >= 0; w--) {
            if (!result.isInfinity()) {
                result = result.timesPow2(c);
            }
            java.util.Arrays.fill(buckets, null);
            int shift = w * c;
            for (int i = 0; i < n; i++) {
                int digit = digit(words[i], shift, c);
                if (digit != 0) {
                    ECPoint b = buckets[digit];
                    buckets[digit] = b == null ? points[from + i] : b.add(points[from + i]);
                }
            }
            // Σ d·bucket[d] as a running sum from the top bucket down
            ECPoint running = infinity;
            ECPoint windowSum = infinity;
            for (int d = buckets.length - 1; d >= 1; d--) {
                if (buckets[d] != null) {
                    running = running.add(buckets[d]);
                }
                if (!running.isInfinity()) {
                    windowSum = windowSum.add(running);
                }
            }
            result = result.add(windowSum);
        }
        return result;
    }

    private static int[] toWords(BigInteger v) {
        int len = (v.bitLength() + 31) / 32 + 1;
        int[] out = new int[len];
        for (int i = 0; i < len; i++) {
            out[i] = v.shiftRight(32 * i).intValue();
        }
        return out;
    }

    private static int digit(int[] words, int shift, int c) {
        int word = shift >>> 5;
        int bit = shift & 31;
        if (word >= words.length) {
            return 0;
        }
        long two = (words[word] & 0xffffffffL) | (word + 1 < words.length ? (words[word + 1] & 0xffffffffL) << 32 : 0L);
        return (int) ((two >>> bit) & ((1L << c) - 1));
    }
}
