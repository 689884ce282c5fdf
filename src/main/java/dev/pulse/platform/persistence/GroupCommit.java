package dev.pulse.platform.persistence;

import dev.pulse.platform.api.DatabaseUnavailable;
import dev.pulse.platform.metrics.Meter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit for single-row writes: concurrent requests queue their row, and whichever request
 * finds the writer free drains the queue into one transaction for everybody (leader/follower, no
 * extra thread); the others sleep until that transaction ends, then either find their row
 * committed or lead the next batch. Each request returns only when the transaction holding its
 * row has committed, so nothing acknowledged lives only in memory; under no load a batch is a
 * single row and costs what a plain write costs.
 * <p>
 * A failed batch is retried row by row, so that one bad row fails only its own request, except
 * when the database is unreachable: then the batch's rows and those already waiting fail at once
 * (a 503), rather than each waiting out its own timeout behind the others.
 * <p>
 * Every batch's size goes to the histogram {@code pulse_group_commit_batch_size{writer}}: how much
 * the grouping saves under the load of the moment.
 *
 * @param <R> one request's row
 * @param <A> what the write answers for one row
 */
public final class GroupCommit<R, A> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    /**
     * Writes rows in one transaction and answers, in the rows' order, one result per row; throws
     * when that transaction did not commit.
     */
    @FunctionalInterface
    public interface Transaction<R, A> {
        List<A> commit(List<R> rows);
    }

    private final String what;
    private final String writer;
    private final int maxBatch;
    private final Meter meter;
    private final Transaction<R, A> transaction;
    private final ConcurrentLinkedQueue<Pending<R, A>> queue = new ConcurrentLinkedQueue<>();
    // guards only the "a flush is running" flag; the flush itself runs outside it
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    private boolean flushing;

    private record Pending<R, A>(R row, CompletableFuture<A> done) {
    }

    /**
     * {@code what} names the rows in log lines ("activities") and, in snake case, the metrics' {@code writer};
     * a batch holds at most {@code maxBatch} rows.
     */
    public GroupCommit(String what, int maxBatch, Meter meter, Transaction<R, A> transaction) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive: " + maxBatch);
        }
        this.what = Objects.requireNonNull(what, "what");
        this.writer = what.toLowerCase(Locale.ROOT).replace(' ', '_');
        this.maxBatch = maxBatch;
        this.meter = Objects.requireNonNull(meter, "meter");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
    }

    /** Writes one row together with whatever else is waiting; returns its answer once it is committed. */
    public A write(R row) {
        Pending<R, A> mine = new Pending<>(row, new CompletableFuture<>());
        queue.add(mine);
        lock.lock();
        try {
            while (!mine.done().isDone()) {
                if (flushing) {
                    // a leader is writing; it wakes everybody when its transaction has ended
                    flushed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                lock.unlock();
                try {
                    flush();
                } finally {
                    lock.lock();
                    flushing = false;
                    flushed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        try {
            return mine.done().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing " + what, e);
        }
    }

    private void flush() {
        List<Pending<R, A>> batch = new ArrayList<>();
        for (Pending<R, A> p; batch.size() < maxBatch && (p = queue.poll()) != null; ) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        meter.sample("pulse_group_commit_batch_size", batch.size(), "writer", writer);
        try {
            List<A> answers = transaction.commit(batch.stream().map(Pending::row).toList());
            if (answers.size() != batch.size()) {
                throw new IllegalStateException(answers.size() + " answers for " + batch.size() + " " + what);
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(answers.get(i));
            }
        } catch (RuntimeException failed) {
            if (DatabaseUnavailable.causes(failed)) {
                batch.forEach(p -> p.done().completeExceptionally(failed));
                for (Pending<R, A> p; (p = queue.poll()) != null; ) {
                    p.done().completeExceptionally(failed);
                }
                return;
            }
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(failed);
                return;
            }
            // one bad row must not fail its neighbours: retry each on its own
            LOG.log(Level.WARNING, "A batch of " + batch.size() + " " + what + " failed; writing them one by one", failed);
            for (Pending<R, A> p : batch) {
                try {
                    p.done().complete(transaction.commit(List.of(p.row())).get(0));
                } catch (RuntimeException e) {
                    p.done().completeExceptionally(e);
                }
            }
        }
    }
}
