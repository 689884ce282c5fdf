package dev.pulse.platform.api;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Takes a logger's records off the threads that log them: {@link #publish} queues the record and one
 * background thread hands it to the handlers the logger's parents hold (the server's console), so a
 * request thread never waits on {@code ConsoleHandler}'s lock, which every thread of the server shares.
 * The queue takes no lock either (a lock-based queue was measured making request threads wait for a
 * holder the scheduler had preempted). No record is dropped: beyond {@code capacity} queued records the
 * logging thread waits for room, and {@link #close} writes what is still queued. Records keep their
 * order, and the writer takes each logging thread's name while it writes its record, so that the
 * server's formatter (which prints the current thread's name) prints the same line.
 */
final class BackgroundLogHandler extends Handler {

    private record Queued(LogRecord record, String threadName) {
    }

    private final Logger logger;
    private final int capacity;
    private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Thread writer;
    private volatile boolean writerParked;
    private volatile boolean closing;

    private BackgroundLogHandler(Logger logger, int capacity) {
        this.logger = logger;
        this.capacity = capacity;
        this.writer = new Thread(this::writeUntilClosed, "pulse-log-writer " + logger.getName());
        writer.setDaemon(true);
        writer.setContextClassLoader(null);
    }

    /** From now on the logger's records go through a background thread to its parents' handlers. */
    static BackgroundLogHandler install(Logger logger, int capacity) {
        BackgroundLogHandler handler = new BackgroundLogHandler(logger, capacity);
        handler.writer.start();
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        return handler;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) {
            return;
        }
        while (queued.get() >= capacity && writer.isAlive()) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100)); // full: wait for room, never drop
        }
        queue.offer(new Queued(record, Thread.currentThread().getName()));
        queued.incrementAndGet();
        if (writerParked) {
            LockSupport.unpark(writer);
        }
    }

    @Override
    public void flush() {
        // the writer thread writes as soon as it can; close() waits for everything queued
    }

    /** Gives the logger its parents' handlers back and writes every record still queued. */
    @Override
    public void close() {
        logger.setUseParentHandlers(true);
        logger.removeHandler(this);
        closing = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Queued left = queue.poll(); left != null; left = queue.poll()) {
            write(left.record()); // a publish that raced with closing, or a writer that did not finish in time
        }
    }

    private void writeUntilClosed() {
        String own = writer.getName();
        while (true) {
            Queued next = queue.poll();
            if (next != null) {
                writer.setName(next.threadName());
                write(next.record());
                writer.setName(own);
                queued.decrementAndGet();
            } else if (closing) {
                return; // closing is set after the last publish, and the queue is empty
            } else {
                // a publisher that offers after this check sees writerParked and unparks us
                writerParked = true;
                if (queue.isEmpty() && !closing) {
                    LockSupport.park(this);
                }
                writerParked = false;
            }
        }
    }

    /** What {@code Logger.log} does after its own handlers: every parent's handlers, up to one that stops. */
    private void write(LogRecord record) {
        for (Logger parent = logger.getParent(); parent != null; parent = parent.getParent()) {
            for (Handler handler : parent.getHandlers()) {
                handler.publish(record);
            }
            if (!parent.getUseParentHandlers()) {
                break;
            }
        }
    }
}
