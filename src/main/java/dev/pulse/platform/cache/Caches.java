package dev.pulse.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The one way to remember things in memory: a Caffeine cache bounded in size (least useful entries
 * leave first, instead of the whole map being emptied at a limit) and, where entries go stale, in time.
 * Time is read from the application's {@link Clock}, so expiry follows the same "now" as the rules and
 * tests can move it. Maintenance runs on the calling thread: no pool threads outside the server's control.
 */
public final class Caches {

    private Caches() {
    }

    /** At most {@code maximumSize} entries; nothing expires by time. */
    public static <K, V> Cache<K, V> bounded(long maximumSize) {
        return builder(maximumSize).build();
    }

    /** At most {@code maximumSize} entries, each forgotten {@code timeToLive} after it was written. */
    public static <K, V> Cache<K, V> expiringAfterWrite(long maximumSize, Duration timeToLive, Clock clock) {
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("a time to live is positive: " + timeToLive);
        }
        return builder(maximumSize).ticker(ticker(clock)).expireAfterWrite(timeToLive).build();
    }

    /**
     * At most {@code maximumSize} entries, each forgotten at the instant {@code expiresAt} gives for it
     * (a token's expiry, say); an entry whose instant has passed is never returned.
     */
    public static <K, V> Cache<K, V> expiringAt(long maximumSize, BiFunction<? super K, ? super V, Instant> expiresAt,
            Clock clock) {
        return builder(maximumSize).ticker(ticker(clock)).expireAfter(new Expiry<K, V>() {
            @Override
            public long expireAfterCreate(K key, V value, long currentTime) {
                return remaining(expiresAt.apply(key, value), clock);
            }

            @Override
            public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
                return remaining(expiresAt.apply(key, value), clock);
            }

            @Override
            public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    private static Caffeine<Object, Object> builder(long maximumSize) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("a cache holds at least one entry: " + maximumSize);
        }
        return Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run);
    }

    /** Nanoseconds until the instant, at least zero, at most what a long holds. */
    private static long remaining(Instant until, Clock clock) {
        Duration left = Duration.between(clock.instant(), until);
        if (left.isNegative()) {
            return 0;
        }
        try {
            return left.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Caffeine's clock from the application's: nanoseconds of the clock's instant. */
    private static Ticker ticker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
