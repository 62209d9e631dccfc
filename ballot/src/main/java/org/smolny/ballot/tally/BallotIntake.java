package org.smolny.ballot.tally;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.smolny.ballot.encrypt.EncryptedBallot;

/**
 * Collects ballots submitted concurrently into batches for {@link BallotBoard#castAll} (ballot spec §7.4). The
 * dispatchers take turns at collecting: the one collecting takes the oldest waiting ballot and everything else waiting,
 * and, while the batch is smaller than {@code maxBatch}, waits for more until the oldest ballot has waited
 * {@code maxWait}; then it casts the batch while the next dispatcher collects. So under light load a ballot waits at
 * most {@code maxWait} for company, and under heavy load (the dispatchers busy) ballots pile up while the previous
 * batch is verified and a batch is cast without any further wait: batches grow with the load, and each ballot's share
 * of the batch verification shrinks; a batch of 128 or more (a backlog) is verified on two threads. With two
 * dispatchers one batch is verified while the previous one is appended and synced. Every submission completes with its {@link Submission} once the ballot is durable (or rejected).
 * Thread-safe; close it to stop the dispatchers (waiting submissions are cast first).
 */
public final class BallotIntake implements AutoCloseable {
    private record Pending(EncryptedBallot ballot, long submittedNanos, CompletableFuture<Submission> result) {
    }

    /** A batch at least this large is a backlog, verified on two threads. */
    private static final int BACKLOG = 128;

    private final BallotBoard board;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock collecting = new ReentrantLock();
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
        queue.add(new Pending(ballot, System.nanoTime(), result));
        return result;
    }

    private void dispatch() {
        try {
            while (open || !queue.isEmpty()) {
                List<Pending> batch = collect();
                if (!batch.isEmpty()) {
                    cast(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next batch (empty if nothing arrived for a while); one dispatcher collects at a time. */
    private List<Pending> collect() throws InterruptedException {
        collecting.lockInterruptibly();
        try {
            Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
            if (first == null) {
                return List.of();
            }
            List<Pending> batch = new ArrayList<>(Math.min(maxBatch, 1 + queue.size()));
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            long deadline = first.submittedNanos() + maxWaitNanos;
            while (batch.size() < maxBatch) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                batch.add(next);
                queue.drainTo(batch, maxBatch - batch.size());
            }
            return batch;
        } finally {
            collecting.unlock();
        }
    }

    private void cast(List<Pending> batch) {
        try {
            // a backlog (after a slow disk sync or a pause) is verified on two threads, to catch up sooner
            int threads = batch.size() >= BACKLOG ? Math.min(2, Runtime.getRuntime().availableProcessors()) : 1;
            List<Submission> results = board.castAll(batch.stream().map(Pending::ballot).toList(), threads);
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
