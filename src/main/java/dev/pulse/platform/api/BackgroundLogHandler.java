package dev.pulse.platform.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Takes a logger's records off the threads that log them: {@link #publish} queues the record and one
 * background thread hands it to the handlers the logger's parents hold (the server's console), so a
 * request thread never waits on {@code ConsoleHandler}'s lock, which every thread of the server shares.
 * No record is dropped: a full queue makes the logging thread wait, and {@link #close} writes what is
 * still queued. Records keep their order, and the writer takes each logging thread's name while it writes
 * its record, so that the server's formatter (which prints the current thread's name) prints the same line.
 */
final class BackgroundLogHandler extends Handler {

    private record Queued(LogRecord record, String threadName) {
    }

    private static final Queued CLOSE = new Queued(new LogRecord(java.util.logging.Level.OFF, "close"), "");

    private final Logger logger;
    private final BlockingQueue<Queued> queue;
    private final Thread writer;

    private BackgroundLogHandler(Logger logger, int capacity) {
        this.logger = logger;
        this.queue = new ArrayBlockingQueue<>(capacity);
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
        try {
            queue.put(new Queued(record, Thread.currentThread().getName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            write(record); // never lose the line: write it here, as without this handler
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
        try {
            queue.put(CLOSE);
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Queued> left = new ArrayList<>();
        queue.drainTo(left);
        left.stream().filter(q -> q != CLOSE).forEach(q -> write(q.record()));
    }

    private void writeUntilClosed() {
        try {
            String own = writer.getName();
            for (Queued queued = queue.take(); queued != CLOSE; queued = queue.take()) {
                writer.setName(queued.threadName());
                write(queued.record());
                writer.setName(own);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
