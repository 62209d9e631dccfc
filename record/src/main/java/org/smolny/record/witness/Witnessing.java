package org.smolny.record.witness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.smolny.record.note.SignedNote;

/**
 * A "k of N" witnessing policy: submits the log's checkpoint to all N witnesses at once, waits at most
 * the timeout, and reports the verified cosignatures and whether k of them were gathered. If any witness
 * shows that the log went back in time or forked, gathering throws and the log must stop.
 * Immutable and safe for concurrent use (each call uses its own virtual threads).
 */
public final class Witnessing {

    private final List<WitnessClient> witnesses;
    private final int threshold;
    private final Duration timeout;

    /** A policy needing {@code threshold} (k) cosignatures among {@code witnesses} (N), within {@code timeout}. */
    public Witnessing(List<WitnessClient> witnesses, int threshold, Duration timeout) {
        this.witnesses = List.copyOf(witnesses);
        if (threshold < 0 || threshold > this.witnesses.size()) {
            throw new IllegalArgumentException("the policy needs between 0 and " + this.witnesses.size()
                    + " cosignatures (the number of witnesses), got " + threshold);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the witnessing timeout must be positive");
        }
        List<String> names = this.witnesses.stream().map(WitnessClient::witnessName).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("two witnesses share a name: " + names);
        }
        this.threshold = threshold;
        this.timeout = timeout;
    }

    public List<WitnessClient> witnesses() {
        return witnesses;
    }

    public int threshold() {
        return threshold;
    }

    /**
     * Gathers cosignatures of the log's signed {@code checkpoint}.
     *
     * @throws LogHaltException a witness is ahead of the log or holds another root for its size
     */
    public WitnessingResult gather(SignedNote checkpoint, ConsistencyProofSource proofs)
            throws LogHaltException, InterruptedException {
        List<Future<Cosignature>> futures = new ArrayList<>(witnesses.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (WitnessClient witness : witnesses) {
                futures.add(executor.submit(() -> witness.addCheckpoint(checkpoint, proofs)));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            List<Cosignature> cosignatures = new ArrayList<>();
            Map<String, String> failures = new LinkedHashMap<>();
            LogHaltException halt = null;
            for (int i = 0; i < witnesses.size(); i++) {
                String name = witnesses.get(i).witnessName();
                Future<Cosignature> future = futures.get(i);
                try {
                    cosignatures.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    future.cancel(true);
                    failures.put(name, name + ": no answer within " + timeout.toMillis() + " ms");
                } catch (CancellationException e) {
                    failures.put(name, name + ": cancelled");
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof LogHaltException logHalt) {
                        if (halt == null) {
                            halt = logHalt;
                        }
                        failures.put(name, logHalt.getMessage());
                    } else if (cause instanceof WitnessRefusedException refused) {
                        failures.put(name, refused.getMessage());
                    } else {
                        failures.put(name, name + ": " + cause);
                    }
                }
            }
            executor.shutdownNow();
            if (halt != null) {
                throw halt;
            }
            return new WitnessingResult(checkpoint, cosignatures, failures, threshold);
        }
    }

    @Override
    public String toString() {
        return "Witnessing[" + threshold + " of " + witnesses.size() + "]";
    }
}
