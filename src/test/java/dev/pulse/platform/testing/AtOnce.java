package dev.pulse.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Calls released at the same moment, one thread each, for the tests that race requests against each other
 * (claims, limits, upserts): the database, not the order of arrival, must decide who wins.
 */
public final class AtOnce {

    /** How long one call may take; a loaded build machine answers a 10 MiB body in well under this. */
    private static final long EACH_AT_MOST_MINUTES = 2;

    private AtOnce() {
    }

    /** One call, told its place among the others. */
    @FunctionalInterface
    public interface Call<T> {
        T make(int index) throws Exception;
    }

    /** Makes {@code count} calls at once; their results in the order of their indexes. */
    public static <T> List<T> run(int count, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.make(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(EACH_AT_MOST_MINUTES, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Makes the calls at once; their results in the same order. */
    public static <T> List<T> run(List<Callable<T>> calls) throws Exception {
        return run(calls.size(), index -> calls.get(index).call());
    }
}
