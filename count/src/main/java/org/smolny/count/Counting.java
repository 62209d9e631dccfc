package org.smolny.count;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.method.CountException;
import org.smolny.count.method.CountMethod;
import org.smolny.count.method.CountOptions;
import org.smolny.count.irv.InstantRunoff;
import org.smolny.count.plurality.SingleRoundCount;
import org.smolny.count.report.CountReport;
import org.smolny.count.schulze.Schulze;
import org.smolny.count.stv.MeekStv;
import org.smolny.count.stv.ScottishStv;
import org.smolny.count.stv.WigmStv;

/** Every counting method, by the name the CLI and the council use. Thread-safe. */
public final class Counting {
    private static final Map<String, CountMethod> METHODS = new LinkedHashMap<>();

    static {
        for (CountMethod m : List.of(new SingleRoundCount(SingleRoundCount.Kind.PLURALITY), new SingleRoundCount(SingleRoundCount.Kind.BLOCK),
                new SingleRoundCount(SingleRoundCount.Kind.APPROVAL), new InstantRunoff(), new ScottishStv(), new MeekStv(), new WigmStv(), new Schulze())) {
            METHODS.put(m.name(), m);
        }
    }

    private Counting() { }

    /** Names of every method: plurality, block, approval, irv, stv-scottish, stv-meek, stv-wigm, schulze. */
    public static List<String> methodNames() { return List.copyOf(METHODS.keySet()); }

    /** The method called {@code name}. */
    public static CountMethod method(String name) {
        CountMethod m = METHODS.get(name);
        if (m == null) throw new CountException("unknown method '" + name + "'; choose one of " + String.join(", ", METHODS.keySet()));
        return m;
    }

    /** Counts {@code box} by the method called {@code method}. */
    public static CountReport count(String method, BallotBox box, CountOptions options) {
        return method(method).count(box, options);
    }
}
