package org.smolny.ballot.tally;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.smolny.ballot.encrypt.EncryptedBallot;

/**
 * Collects ballots submitted concurrently into small batches for {@link BallotBoard#castAll} (ballot spec §7.4):
 * each dispatcher thread takes the next waiting ballot, adds whatever else arrives within {@code maxWait} up to
 * {@code maxBatch}, and casts the batch. With two dispatchers one batch is verified while the previous one is being
 * appended and synced. Every submission completes with its {@link Submission} once the ballot is durable (or
 * rejected). Thread-safe; close it to stop the dispatchers (waiting submissions are cast first).
 */
public final class BallotIntake implements AutoCloseable {
    private record Pending(EncryptedBallot ballot, CompletableFuture<Submission> result) {
    }

    private final BallotBoard board;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> dispatchers = new ArrayList<>();
    private volatile boolean open = true;

    public BallotIntake(BallotBoard board, int maxBatch, Duration maxWait, int dispatcherThreads) {
        if (maxBatch < 1 || dispatcherThreads < 1) {
            throw new IllegalArgumentException("batch size and dispatcher threads must be positive");
        }
        this.board = board;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWait.toNanos();
        for (int i = 0; i < dispatcherThreads; i++) {
            Thread t = new Thread(this::dispatch, "ballot-intake-" + i);
            t.setDaemon(true);
            t.start();
            dispatchers.add(t);
        }
    }

    /** Queues a ballot; the future completes when it is on the board and durable, or rejected with the reason. */
    public CompletableFuture<Submission> submit(EncryptedBallot ballot) {
        CompletableFuture<Submission> result = new CompletableFuture<>();
        if (!open) {
            result.complete(new Submission.Rejected("the ballot box is closed"));
            return result;
        }
        queue.add(new Pending(ballot, result));
        return result;
    }

    private void dispatch() {
        try {
            while (open || !queue.isEmpty()) {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>(maxBatch);
                batch.add(first);
                long deadline = System.nanoTime() + maxWaitNanos;
                while (batch.size() < maxBatch) {
                    long left = deadline - System.nanoTime();
                    Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                cast(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cast(List<Pending> batch) {
        try {
            List<Submission> results = board.castAll(batch.stream().map(Pending::ballot).toList(), 1);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        open = false;
        for (Thread t : dispatchers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Pending late;
        while ((late = queue.poll()) != null) {
            late.result().complete(new Submission.Rejected("the ballot box is closed"));
        }
    }
}
