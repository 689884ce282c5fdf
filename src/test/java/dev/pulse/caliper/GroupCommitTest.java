package dev.pulse.caliper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** A store that takes a while per transaction, remembers batch sizes and fails on a poisoned row. */
    static final class SlowStore extends CaliperEventStore {
        final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<Result> insert(List<Row> rows, boolean allOrNothing, Instant receivedAt) {
            batches.add(rows.size());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (rows.stream().anyMatch(r -> r.event().id().equals("poison"))) {
                throw new IllegalStateException("constraint violated");
            }
            return rows.stream().map(r -> Result.STORED).toList();
        }
    }

    private static GroupCommit groupCommit(SlowStore store) {
        GroupCommit commit = new GroupCommit();
        commit.store = store;
        commit.clock = Clock.systemUTC();
        return commit;
    }

    private static CaliperEventStore.Row row(String id) {
        return new CaliperEventStore.Row("client", new ValidatedEvent(id, "GradeEvent", "Graded", null, null, null, null,
                Instant.EPOCH, null, null, null, null, "{}", "f"), null);
    }

    @Test
    void concurrentRequestsShareTransactionsAndEachGetsItsOwnAnswer() throws Exception {
        SlowStore store = new SlowStore();
        GroupCommit commit = groupCommit(store);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<CaliperEventStore.Result>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String id = "e" + i;
                answers.add(pool.submit(() -> commit.store(row(id))));
            }
            for (Future<CaliperEventStore.Result> a : answers) {
                assertEquals(CaliperEventStore.Result.STORED, a.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(200, store.batches.stream().mapToInt(Integer::intValue).sum());
        assertTrue(store.batches.size() < 100, "200 rows in " + store.batches.size() + " transactions");
    }

    @Test
    void aFailingRowFailsOnlyItsOwnRequest() throws Exception {
        SlowStore store = new SlowStore();
        GroupCommit commit = groupCommit(store);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CaliperEventStore.Result>> good = new ArrayList<>();
            Future<CaliperEventStore.Result> bad = null;
            for (int i = 0; i < 16; i++) {
                String id = i == 5 ? "poison" : "e" + i;
                Future<CaliperEventStore.Result> f = pool.submit(() -> commit.store(row(id)));
                if (i == 5) {
                    bad = f;
                } else {
                    good.add(f);
                }
            }
            for (Future<CaliperEventStore.Result> f : good) {
                assertEquals(CaliperEventStore.Result.STORED, f.get());
            }
            Future<CaliperEventStore.Result> poisoned = bad;
            java.util.concurrent.ExecutionException failure = assertThrows(java.util.concurrent.ExecutionException.class,
                    poisoned::get);
            assertEquals("constraint violated", failure.getCause().getMessage());
        } finally {
            pool.shutdown();
        }
    }
}
