package dev.pulse.identity;

import com.github.benmanes.caffeine.cache.Cache;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.cache.Caches;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much password hashing one client address may cause on this instance: a token bucket of
 * {@code PULSE_PASSWORD_CHECKS_BURST} checks, refilled at {@code PULSE_PASSWORD_CHECKS_PER_MINUTE}.
 * Every anonymous operation that hashes (sign-in on both families, Live sign-up, the client credentials
 * grant) and the password change spend one check first; an empty bucket is a 429 before any hashing.
 * Per instance, in memory, because what it protects is this instance's processors (docs/decisions/0013).
 * A bucket untouched for as long as it takes to refill is full, so it is then forgotten.
 */
@ApplicationScoped
public class PasswordCheckBudget {

    /** Addresses remembered at most; an evicted address starts again with a full bucket. */
    static final int MAX_ADDRESSES = 100_000;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "PULSE_PASSWORD_CHECKS_BURST", defaultValue = "30")
    int burst;

    @Inject
    @ConfigProperty(name = "PULSE_PASSWORD_CHECKS_PER_MINUTE", defaultValue = "120")
    int perMinute;

    private Cache<String, Bucket> buckets;

    /** Checks left (fractional while refilling) at an instant, and whether the last request got one. */
    record Bucket(double tokens, Instant at, boolean granted) {
    }

    @PostConstruct
    void prepare() {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("PULSE_PASSWORD_CHECKS_BURST and _PER_MINUTE are at least 1");
        }
        Duration refill = Duration.ofMillis((long) Math.ceil(burst * 60_000.0 / perMinute));
        buckets = Caches.expiringAfterWrite(MAX_ADDRESSES, refill, clock);
    }

    /** Takes one check for the address, or answers 429 with the seconds until one is back. */
    public void spend(String address) {
        Instant now = clock.instant();
        Bucket after = buckets.asMap().compute(address, (a, bucket) -> take(bucket, now));
        if (!after.granted()) {
            long wait = (long) Math.ceil((1 - after.tokens()) * 60.0 / perMinute);
            throw ApiError.tooManyRequests("too-many-password-checks",
                    "Too many password checks from your address; try again in " + Math.max(1, wait) + " seconds", wait);
        }
    }

    /** The bucket after one more request: refilled for the time passed, less one check if a whole one is there. */
    Bucket take(Bucket bucket, Instant now) {
        double tokens = burst;
        if (bucket != null) {
            double seconds = Math.max(0, Duration.between(bucket.at(), now).toNanos() / 1e9);
            tokens = Math.min(burst, bucket.tokens() + seconds * perMinute / 60.0);
        }
        return tokens >= 1 ? new Bucket(tokens - 1, now, true) : new Bucket(tokens, now, false);
    }
}
