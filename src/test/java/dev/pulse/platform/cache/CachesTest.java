package dev.pulse.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import dev.pulse.platform.testing.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CachesTest {

    @Test
    void aBoundedCacheKeepsAtMostItsSizeAndNeverEmptiesItselfWhole() {
        Cache<Integer, String> cache = Caches.bounded(100);
        for (int i = 0; i < 1_000; i++) {
            cache.put(i, "v" + i);
        }
        cache.cleanUp();
        assertTrue(cache.estimatedSize() <= 100, "size " + cache.estimatedSize());
        assertTrue(cache.estimatedSize() >= 90, "size " + cache.estimatedSize());
    }

    @Test
    void entriesExpireAfterTheirTimeToLiveOnTheApplicationsClock() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
        Cache<String, Long> cache = Caches.expiringAfterWrite(10, Duration.ofSeconds(60), clock);
        cache.put("client", 7L);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(7L, cache.getIfPresent("client"));
        clock.advance(Duration.ofSeconds(2));
        assertNull(cache.getIfPresent("client"));
    }

    @Test
    void entriesExpireAtTheirOwnInstant() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
        Instant soon = clock.instant().plusSeconds(10);
        Instant later = clock.instant().plusSeconds(3600);
        Cache<String, Instant> cache = Caches.expiringAt(10, (token, expiresAt) -> expiresAt, clock);
        cache.put("soon", soon);
        cache.put("later", later);
        cache.put("past", clock.instant().minusSeconds(1));
        assertNull(cache.getIfPresent("past"));
        clock.advance(Duration.ofSeconds(11));
        assertNull(cache.getIfPresent("soon"));
        assertEquals(later, cache.getIfPresent("later"));
        cache.put("far", Instant.MAX);
        assertEquals(Instant.MAX, cache.getIfPresent("far"));
    }

    @Test
    void anExpiringCacheIsBoundedToo() {
        Cache<Integer, Integer> cache = Caches.expiringAfterWrite(5, Duration.ofHours(1), new MovableClock(Instant.parse("2026-12-01T12:00:00Z")));
        for (int i = 0; i < 100; i++) {
            cache.put(i, i);
        }
        cache.cleanUp();
        assertTrue(cache.estimatedSize() <= 5, "size " + cache.estimatedSize());
    }

    @Test
    void sizesAndTimesMustMakeSense() {
        assertThrows(IllegalArgumentException.class, () -> Caches.bounded(0));
        assertThrows(IllegalArgumentException.class,
                () -> Caches.expiringAfterWrite(1, Duration.ZERO, Clock.systemUTC()));
    }
}
