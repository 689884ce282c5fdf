package dev.pulse.caliper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit for single-event requests: concurrent requests queue their row, and whichever
 * request finds the writer free drains the queue into one batched transaction for everybody
 * (leader/follower, no extra thread); the others sleep until that transaction ends, then either
 * find their row committed or lead the next batch. Each request returns only when the transaction holding its
 * row has committed, so nothing acknowledged lives only in memory. Under no load a batch is a
 * single row and costs what a plain insert costs.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    static final int MAX_BATCH = 500;

    @Inject
    CaliperEventStore store;

    @Inject
    Clock clock;

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    // guards only the "a flush is running" flag; the flush itself runs outside it
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    private boolean flushing;

    private record Pending(CaliperEventStore.Row row, CompletableFuture<CaliperEventStore.Result> done) {
    }

    /** Stores one row together with whatever else is waiting; returns once it is committed. */
    public CaliperEventStore.Result store(CaliperEventStore.Row row) {
        Pending mine = new Pending(row, new CompletableFuture<>());
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
            throw new IllegalStateException("Interrupted while storing a Caliper event", e);
        }
    }

    private void flush() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p; batch.size() < MAX_BATCH && (p = queue.poll()) != null; ) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<CaliperEventStore.Result> results = store.insert(batch.stream().map(Pending::row).toList(), false,
                    clock.instant());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException failed) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(failed);
                return;
            }
            // one bad row must not fail its neighbours: retry each on its own
            LOG.log(Level.WARNING, "A batch of " + batch.size() + " Caliper events failed; storing them one by one", failed);
            for (Pending p : batch) {
                try {
                    p.done().complete(store.insert(List.of(p.row()), false, clock.instant()).get(0));
                } catch (RuntimeException e) {
                    p.done().completeExceptionally(e);
                }
            }
        }
    }
}
