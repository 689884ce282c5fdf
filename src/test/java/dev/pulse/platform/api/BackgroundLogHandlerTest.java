package dev.pulse.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class BackgroundLogHandlerTest {

    /** The console stand-in: records every line, optionally held shut like a contended lock. */
    private static final class Console extends Handler {
        final List<String> lines = new ArrayList<>();
        final CountDownLatch open = new CountDownLatch(1);
        volatile String writerThread;

        Console(boolean openNow) {
            if (openNow) {
                open.countDown();
            }
        }

        @Override
        public synchronized void publish(LogRecord record) {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writerThread = Thread.currentThread().getName();
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static Logger loggerUnder(Handler console) {
        Logger parent = Logger.getAnonymousLogger();
        parent.setUseParentHandlers(false);
        parent.addHandler(console);
        Logger logger = Logger.getAnonymousLogger();
        logger.setParent(parent);
        return logger;
    }

    @Test
    void everyLineFromManyThreadsReachesTheConsoleInEachThreadsOrder() throws Exception {
        Console console = new Console(true);
        Logger logger = loggerUnder(console);
        BackgroundLogHandler handler = BackgroundLogHandler.install(logger, 64);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            threads.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    logger.info(thread + " " + i);
                }
            });
        }
        threads.shutdown();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        handler.close();

        assertEquals(40_000, console.lines.size());
        for (int t = 0; t < 8; t++) {
            String prefix = t + " ";
            List<String> own = console.lines.stream().filter(l -> l.startsWith(prefix)).toList();
            for (int i = 0; i < own.size(); i++) {
                assertEquals(prefix + i, own.get(i));
            }
        }
    }

    @Test
    void aLoggingThreadDoesNotWaitForABusyConsole() {
        Console console = new Console(false); // the console's lock is taken by someone else
        Logger logger = loggerUnder(console);
        BackgroundLogHandler handler = BackgroundLogHandler.install(logger, 64);

        logger.info("GET /v1/auth/me 200 3ms"); // returns at once: queued
        assertTrue(console.lines.isEmpty());

        console.open.countDown();
        handler.close();
        assertEquals(List.of("GET /v1/auth/me 200 3ms"), console.lines);
    }

    @Test
    void aFullQueueMakesTheLoggingThreadWaitInsteadOfDroppingLines() throws Exception {
        Console console = new Console(false);
        Logger logger = loggerUnder(console);
        BackgroundLogHandler handler = BackgroundLogHandler.install(logger, 2);
        Thread request = new Thread(() -> {
            for (int i = 0; i < 5; i++) {
                logger.info("line " + i);
            }
        });
        request.start();
        request.join(300);
        assertTrue(request.isAlive(), "two lines queued and one being written: the third waits for room");

        console.open.countDown();
        request.join(5_000);
        assertFalse(request.isAlive());
        handler.close();
        assertEquals(List.of("line 0", "line 1", "line 2", "line 3", "line 4"), console.lines);
    }

    @Test
    void theConsoleSeesTheNameOfTheThreadThatLogged() throws Exception {
        Console console = new Console(true);
        Logger logger = loggerUnder(console);
        BackgroundLogHandler handler = BackgroundLogHandler.install(logger, 64);
        Thread request = new Thread(() -> logger.info("POST /v1/activity/user/1 201 4ms"),
                "http-thread-pool::http-listener(3)");
        request.start();
        request.join();
        handler.close();
        assertEquals("http-thread-pool::http-listener(3)", console.writerThread);
    }

    @Test
    void closingGivesTheLoggerItsParentsHandlersBack() {
        Console console = new Console(true);
        Logger logger = loggerUnder(console);
        BackgroundLogHandler handler = BackgroundLogHandler.install(logger, 64);
        assertFalse(logger.getUseParentHandlers());
        handler.close();

        logger.log(Level.INFO, "after");
        assertTrue(logger.getUseParentHandlers());
        assertEquals(0, logger.getHandlers().length);
        assertEquals(List.of("after"), console.lines);
        assertEquals(Thread.currentThread().getName(), console.writerThread);
    }
}
