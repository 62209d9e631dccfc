package org.smolny.bench.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.smolny.count.irv.InstantRunoff;
import org.smolny.count.method.CountOptions;
import org.smolny.count.report.CountReport;
import org.smolny.count.rules.RankedBallots;
import org.smolny.count.stv.ScottishStv;

/**
 * End-to-end scale run for the count module: generates seeded synthetic ranked ballots
 * (36 candidates by default, popularity falling with the candidate's number, 1 to 36 preferences
 * per ballot, about 5 on average), then times, for each size, grouping the ballots into the compact
 * form and counting them by Scottish STV and by IRV. Prints one line per size and method.
 *
 * <pre>
 * java -Xmx8g -cp bench/target/benchmarks.jar org.smolny.bench.count.CountScaleRun [sizes] [candidates] [seats] [repeats]
 * java -Xmx8g -cp bench/target/benchmarks.jar org.smolny.bench.count.CountScaleRun 100000,1000000,3000000,10000000 36 5 3
 * java -cp bench/target/benchmarks.jar org.smolny.bench.count.CountScaleRun write-blt /tmp/1m.blt 1000000 36 5
 * </pre>
 */
public final class CountScaleRun {
    private CountScaleRun() { }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals("write-blt")) {
            writeBlt(java.nio.file.Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 36,
                    args.length > 4 ? Integer.parseInt(args[4]) : 5);
            return;
        }
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "100000,1000000,3000000,10000000").split(",")).mapToInt(Integer::parseInt).toArray();
        int candidates = args.length > 1 ? Integer.parseInt(args[1]) : 36;
        int seats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        System.out.printf("count scale run: %d candidates, %d seats (STV), best and median of %d runs; %d available processors, java %s%n",
                candidates, seats, repeats, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<String> names = new ArrayList<>();
        for (int c = 0; c < candidates; c++) names.add("C" + (c + 1));
        boolean[] present = new boolean[candidates];
        Arrays.fill(present, true);
        // warm-up on a small election so the JIT has compiled the hot loops
        Generated warm = generate(200_000, candidates, 7);
        for (int i = 0; i < 3; i++) {
            RankedBallots rb = warm.group(candidates);
            new ScottishStv().count("warm-up", names, rb, CountOptions.seats(seats));
            new InstantRunoff().count("warm-up", names, present, rb, CountOptions.seats(1));
        }
        for (int size : sizes) {
            Generated g = generate(size, candidates, 20261127L + size);
            long[] group = new long[repeats], stv = new long[repeats], irv = new long[repeats];
            String stvElected = "", irvElected = "";
            int groups = 0, stvRounds = 0, irvRounds = 0;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                RankedBallots rb = g.group(candidates);
                long t1 = System.nanoTime();
                CountReport s = new ScottishStv().count("scale", names, rb, CountOptions.seats(seats));
                long t2 = System.nanoTime();
                CountReport i = new InstantRunoff().count("scale", names, present, rb, CountOptions.seats(1));
                long t3 = System.nanoTime();
                group[r] = t1 - t0;
                stv[r] = t2 - t1;
                irv[r] = t3 - t2;
                groups = rb.groups();
                stvElected = String.join(" ", s.elected());
                irvElected = String.join(" ", i.elected());
                stvRounds = s.rounds().size();
                irvRounds = i.rounds().size();
            }
            System.out.printf("ballots %,d (%,d distinct): group %s | stv-scottish %s (%d stages, elected %s) | irv %s (%d rounds, elected %s) | stv total %s, irv total %s%n",
                    size, groups, ms(group), ms(stv), stvRounds, stvElected, ms(irv), irvRounds, irvElected,
                    ms(sum(group, stv)), ms(sum(group, irv)));
        }
    }

    /** Writes the same kind of generated ballots as a BLT file, for timing {@code smolny count} end to end. */
    private static void writeBlt(java.nio.file.Path file, int ballots, int candidates, int seats) throws java.io.IOException {
        Generated g = generate(ballots, candidates, 20261127L + ballots);
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file)) {
            w.write(candidates + " " + seats + "\n");
            for (int b = 0; b + 1 < g.start().length; b++) {
                StringBuilder line = new StringBuilder("1");
                for (int i = g.start()[b]; i < g.start()[b + 1]; i++) line.append(' ').append(g.prefs()[i] + 1);
                w.write(line.append(" 0\n").toString());
            }
            w.write("0\n");
            for (int c = 1; c <= candidates; c++) w.write("\"C" + c + "\"\n");
            w.write("\"Generated election, seed " + (20261127L + ballots) + "\"\n");
        }
        System.out.println("wrote " + ballots + " ballots to " + file);
    }

    private static long[] sum(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] + b[i];
        return out;
    }

    private static String ms(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("best %d ms, median %d ms", s[0] / 1_000_000, s[s.length / 2] / 1_000_000);
    }

    /** Ballots as one flat array, generated from a seed. */
    private record Generated(int[] prefs, int[] start) {
        RankedBallots group(int candidates) {
            RankedBallots.Builder b = new RankedBallots.Builder(candidates, start.length - 1);
            int[] seq = new int[candidates];
            for (int i = 0; i + 1 < start.length; i++) {
                int len = start[i + 1] - start[i];
                System.arraycopy(prefs, start[i], seq, 0, len);
                b.add(seq, len, 1);
            }
            return b.build();
        }
    }

    private static Generated generate(int ballots, int candidates, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = new double[candidates];
        double total = 0;
        for (int c = 0; c < candidates; c++) {
            total += 1.0 / Math.pow(c + 1, 0.7);
            cumulative[c] = total;
        }
        int[] prefs = new int[ballots * 6];
        int[] start = new int[ballots + 1];
        int pos = 0;
        boolean[] used = new boolean[candidates];
        for (int b = 0; b < ballots; b++) {
            int length = 1;
            while (length < candidates && random.nextInt(5) != 0) length++;
            if (pos + length > prefs.length) prefs = Arrays.copyOf(prefs, prefs.length + prefs.length / 2 + candidates);
            Arrays.fill(used, false);
            for (int k = 0; k < length; k++) {
                int c;
                do {
                    double x = random.nextDouble() * total;
                    c = Arrays.binarySearch(cumulative, x);
                    if (c < 0) c = -c - 1;
                    if (c >= candidates) c = candidates - 1;
                } while (used[c]);
                used[c] = true;
                prefs[pos++] = c;
            }
            start[b + 1] = pos;
        }
        return new Generated(Arrays.copyOf(prefs, pos), start);
    }
}
