package dev.pulse.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.metrics.Meter;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(32);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /**
     * A database that takes a while per transaction, remembers every transaction's rows and what
     * it committed, fails a transaction holding a poisoned row, and answers each row doubled.
     */
    static final class SlowDatabase implements GroupCommit.Transaction<Integer, Integer> {
        static final int POISON = -1;
        final List<List<Integer>> transactions = Collections.synchronizedList(new ArrayList<>());
        final Set<Integer> committed = ConcurrentHashMap.newKeySet();
        volatile RuntimeException outage;

        @Override
        public List<Integer> commit(List<Integer> rows) {
            transactions.add(List.copyOf(rows));
            sleep(20);
            if (outage != null) {
                throw outage;
            }
            if (rows.contains(POISON)) {
                throw new IllegalStateException("constraint violated");
            }
            committed.addAll(rows);
            return rows.stream().map(r -> r * 2).toList();
        }

        int rowsWritten() {
            return transactions.stream().mapToInt(List::size).sum();
        }
    }

    /** The batch sizes a group commit reports, in order. */
    static final class BatchSizes extends Meter {
        final List<Integer> recorded = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sample(String name, long value, String... tags) {
            assertEquals("pulse_group_commit_batch_size", name);
            assertEquals(List.of("writer", "numbers"), List.of(tags));
            recorded.add(Math.toIntExact(value));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void concurrentWritersShareTransactionsAndEachGetsItsOwnAnswerOnlyAfterItsCommit() throws Exception {
        SlowDatabase db = new SlowDatabase();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>("numbers", 500, new Meter(), db);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int row = i;
            answers.add(pool.submit(() -> {
                int answer = commit.write(row);
                assertEquals(row * 2, answer);
                return db.committed.contains(row); // looked at the moment the writer is answered
            }));
        }
        for (Future<Boolean> a : answers) {
            assertTrue(a.get(10, TimeUnit.SECONDS), "answered before its row was committed");
        }
        assertEquals(200, db.rowsWritten());
        assertTrue(db.transactions.size() < 100, "200 rows in " + db.transactions.size() + " transactions");
    }

    @Test
    void aBatchHoldsAtMostItsLimit() throws Exception {
        SlowDatabase db = new SlowDatabase();
        BatchSizes sizes = new BatchSizes();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>("numbers", 3, sizes, db);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int row = i;
            answers.add(pool.submit(() -> commit.write(row)));
        }
        for (Future<Integer> a : answers) {
            a.get(10, TimeUnit.SECONDS);
        }
        assertTrue(db.transactions.stream().allMatch(t -> t.size() <= 3), db.transactions.toString());
        assertEquals(60, db.rowsWritten());
        assertEquals(db.transactions.stream().map(List::size).toList(), sizes.recorded, "one sample per batch, its size");
    }

    @Test
    void aFailingRowFailsOnlyItsOwnWriter() throws Exception {
        SlowDatabase db = new SlowDatabase();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>("numbers", 500, new Meter(), db);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> good = new ArrayList<>();
        Future<Integer> bad = null;
        for (int i = 0; i < 16; i++) {
            int row = i == 5 ? SlowDatabase.POISON : i;
            Future<Integer> f = pool.submit(() -> {
                go.await();
                return commit.write(row);
            });
            if (row == SlowDatabase.POISON) {
                bad = f;
            } else {
                good.add(f);
            }
        }
        go.countDown();
        for (int i = 0; i < good.size(); i++) {
            good.get(i).get(10, TimeUnit.SECONDS);
        }
        Future<Integer> poisoned = bad;
        ExecutionException failure = assertThrows(ExecutionException.class, () -> poisoned.get(10, TimeUnit.SECONDS));
        assertEquals("constraint violated", failure.getCause().getMessage());
        assertEquals(15, db.committed.size());
        assertTrue(db.transactions.stream().anyMatch(t -> t.size() > 1 && t.contains(SlowDatabase.POISON)),
                "the poisoned row never shared a transaction, so the test proved nothing: " + db.transactions);
    }

    @Test
    void anUnreachableDatabaseFailsTheBatchAtOnceWithoutRetryingRowByRow() throws Exception {
        SlowDatabase db = new SlowDatabase();
        RuntimeException outage = new IllegalStateException(new SQLTransientConnectionException("connection refused"));
        db.outage = outage;
        GroupCommit<Integer, Integer> commit = new GroupCommit<>("numbers", 500, new Meter(), db);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int row = i;
            answers.add(pool.submit(() -> {
                go.await();
                return commit.write(row);
            }));
        }
        go.countDown();
        for (Future<Integer> a : answers) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> a.get(10, TimeUnit.SECONDS));
            assertSame(outage, failure.getCause());
        }
        assertTrue(db.rowsWritten() <= 16, "a row was tried twice: " + db.transactions);
        assertTrue(db.transactions.stream().anyMatch(t -> t.size() > 1) || db.rowsWritten() < 16,
                "every row went alone, so the test proved nothing: " + db.transactions);
    }
}
