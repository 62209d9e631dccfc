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
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;

/**
 * Multi-scalar multiplication Σ kᵢ·Pᵢ by the bucket method (ballot spec §9.3) on Bouncy Castle's raw P-256 field
 * arithmetic ({@link P256Raw}: no allocation per point operation). The input points are normalised once, in one batch
 * inversion, and copied into one flat array of affine coordinates; per window the points are sorted by bucket
 * (counting sort), each bucket is summed by mixed additions in one register, and the running sums go from the top
 * bucket down. Stateless.
 */
final class Pippenger {
    /** Field operations of one affine bucket addition (batch inversion shared), ballot spec §9.3. */
    private static final double POINT_ADDITION = 7;
    /** Field operations per bucket to sum the buckets: a mixed and a Jacobian addition. */
    private static final double BUCKET_SUMMATION = 27;

    private Pippenger() {
    }

    static ECPoint multiPower(ECCurve curve, List<ECPoint> points, List<BigInteger> scalars, int threads) {
        if (points.size() != scalars.size()) {
            throw new IllegalArgumentException("bases and exponents differ in number");
        }
        for (BigInteger ki : scalars) {
            if (ki.signum() < 0) {
                throw new IllegalArgumentException("multi-scalar multiplication takes exponents ≥ 0");
            }
        }
        // the identity contributes nothing, whatever its exponent
        List<ECPoint> kept = new ArrayList<>(points.size());
        List<BigInteger> keptScalars = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).isInfinity() && scalars.get(i).signum() != 0) {
                kept.add(points.get(i));
                keptScalars.add(scalars.get(i));
            }
        }
        int n = kept.size();
        if (n == 0) {
            return curve.getInfinity();
        }
        ECPoint[] normalised = kept.toArray(new ECPoint[0]);
        curve.normalizeAll(normalised);
        int[] affine = new int[n * P256Raw.AFFINE];
        for (int i = 0; i < n; i++) {
            P256Raw.storeAffine(normalised[i], affine, i * P256Raw.AFFINE);
        }
        BigInteger[] k = keptScalars.toArray(new BigInteger[0]);
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
            double cost = POINT_ADDITION * points + BUCKET_SUMMATION * (1 << (c - 1)) * windows;
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    private static ECPoint chunk(ECCurve curve, int[] affine, BigInteger[] k, int from, int to) {
        int n = to - from;
        int maxBits = 1;
        int[] histogram = new int[1 + Arrays.stream(k, from, to).mapToInt(BigInteger::bitLength).max().orElse(1)];
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
        P256Raw result = new P256Raw();
        AffineBuckets buckets = new AffineBuckets();
        int[] work = new int[n * P256Raw.AFFINE];
        boolean[] infinite = new boolean[n];
        int[] count = new int[half + 1];
        int[] y = new int[P256Raw.LIMBS];
        P256Raw running = new P256Raw();
        P256Raw windowSum = new P256Raw();
        int[] start = new int[half + 2];
        for (int w = windows - 1; w >= 0; w--) {
            for (int i = 0; i < c; i++) {
                result.twice();
            }
            // counting sort of this window's non-zero digits by bucket |d|
            int base = w * n;
            Arrays.fill(start, 0);
            for (int i = 0; i < n; i++) {
                int d = digits[base + i];
                if (d != 0) {
                    start[Math.abs(d) + 1]++;
                }
            }
            for (int b = 1; b <= half + 1; b++) {
                start[b] += start[b - 1];
            }
            // the window's points in bucket order, negated where the digit is negative
            int[] fill = Arrays.copyOf(start, half + 2);
            for (int i = 0; i < n; i++) {
                int d = digits[base + i];
                if (d != 0) {
                    int slot = fill[Math.abs(d)]++;
                    System.arraycopy(affine, (from + i) * P256Raw.AFFINE, work, slot * P256Raw.AFFINE,
                            P256Raw.AFFINE);
                    if (d < 0) {
                        System.arraycopy(work, slot * P256Raw.AFFINE + P256Raw.LIMBS, y, 0, P256Raw.LIMBS);
                        SecP256R1Field.negate(y, y);
                        System.arraycopy(y, 0, work, slot * P256Raw.AFFINE + P256Raw.LIMBS, P256Raw.LIMBS);
                    }
                    infinite[slot] = false;
                }
            }
            for (int b = 1; b <= half; b++) {
                count[b] = start[b + 1] - start[b];
            }
            buckets.reduce(work, infinite, start, count, half);
            // Σ d·bucket[d] as a running sum from the top bucket down
            running.setInfinity();
            windowSum.setInfinity();
            for (int b = half; b >= 1; b--) {
                if (count[b] == 1 && !infinite[start[b]]) {
                    running.addAffine(work, start[b] * P256Raw.AFFINE, false);
                }
                windowSum.addJacobian(running);
            }
            result.addJacobian(windowSum);
        }
        return result.toPoint(curve);
    }

    private static int[] toWords(BigInteger v) {
        byte[] bytes = v.toByteArray();   // big-endian, v ≥ 0
        int len = (v.bitLength() + 31) / 32 + 1;
        int[] out = new int[len];
        for (int i = 0; i < bytes.length; i++) {
            int bit = 8 * (bytes.length - 1 - i);
            if (bit / 32 < len) {
                out[bit / 32] |= (bytes[i] & 0xff) << (bit % 32);
            }
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
