package org.smolny.ballot.group;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
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
        // the parts run in parallel and their sums are added (spec §9.3)
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

    /**
     * The window width c (bits per signed digit) that minimises the estimated number of additions for these scalars:
     * Σᵢ ⌈bitsᵢ/c⌉ point additions into buckets plus 2·2^(c−1) additions per window to sum the buckets (spec §9.3).
     */
    static int windowBits(int[] bitLengthHistogram, int maxBits) {
        int best = 2;
        double bestCost = Double.MAX_VALUE;
        for (int c = 2; c <= 20; c++) {
            double points = 0;
            for (int bits = 1; bits < bitLengthHistogram.length; bits++) {
                points += (double) bitLengthHistogram[bits] * ((bits + c) / c);
            }
            int windows = (maxBits + c) / c;
            double cost = points + 2.0 * (1 << (c - 1)) * windows;
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    private static ECPoint chunk(ECCurve curve, ECPoint[] points, BigInteger[] k, int from, int to) {
        int n = to - from;
        int maxBits = 1;
        int[] histogram = new int[k.length == 0 ? 2 : 1 + Arrays.stream(k, from, to).mapToInt(BigInteger::bitLength)
                .max().orElse(1)];
        int[][] words = new int[n][];
        for (int i = 0; i < n; i++) {
            BigInteger ki = k[from + i];
            int bits = ki.bitLength();
            maxBits = Math.max(maxBits, bits);
            histogram[bits]++;
            words[i] = toWords(ki);
        }
        int c = windowBits(histogram, maxBits);
        // one window more than ⌈maxBits/c⌉ holds the final carry of the signed recoding
        int windows = (maxBits + c) / c;
        int half = 1 << (c - 1);
        // signed digits in [−2^(c−1), 2^(c−1)] (spec §9.3 eq 49), stored window-major
        int[] digits = new int[windows * n];
        for (int i = 0; i < n; i++) {
            int carry = 0;
            for (int w = 0; w < windows; w++) {
                int d = digit(words[i], w * c, c) + carry;
                if (d > half) {
                    d -= 1 << c;
                    carry = 1;
                } else {
                    carry = 0;
                }
                digits[w * n + i] = d;
            }
        }
        ECPoint[] negated = new ECPoint[n];
        for (int i = 0; i < n; i++) {
            negated[i] = points[from + i].negate();
        }
        ECPoint infinity = curve.getInfinity();
        ECPoint result = infinity;
        ECPoint[] buckets = new ECPoint[half + 1];
        for (int w = windows - 1; w >= 0; w--) {
            if (!result.isInfinity()) {
                result = result.timesPow2(c);
            }
            Arrays.fill(buckets, null);
            int base = w * n;
            for (int i = 0; i < n; i++) {
                int d = digits[base + i];
                if (d == 0) {
                    continue;
                }
                ECPoint p = d > 0 ? points[from + i] : negated[i];
                int b = Math.abs(d);
                ECPoint bucket = buckets[b];
                buckets[b] = bucket == null ? p : bucket.add(p);
            }
            // Σ d·bucket[d] as a running sum from the top bucket down
            ECPoint running = infinity;
            ECPoint windowSum = infinity;
            for (int d = half; d >= 1; d--) {
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
