package dev.pulse.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PasswordCheckBudgetTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final PasswordCheckBudget budget = new PasswordCheckBudget();

    PasswordCheckBudgetTest() {
        budget.clock = clock;
        budget.burst = 5;
        budget.perMinute = 30; // one check every 2 s
        budget.prepare();
    }

    @Test
    void anAddressGetsItsBurstAtOnceAndThenA429WithTheWaitForTheNextCheck() {
        for (int i = 0; i < 5; i++) {
            budget.spend("203.0.113.7");
        }
        ApiError refused = assertThrows(ApiError.class, () -> budget.spend("203.0.113.7"));
        assertEquals(429, refused.status());
        assertEquals("too-many-password-checks", refused.slug());
        assertEquals(2L, refused.retryAfterSeconds());
    }

    @Test
    void checksComeBackAtTheRefillRateAndNeverBeyondTheBurst() {
        for (int i = 0; i < 5; i++) {
            budget.spend("203.0.113.7");
        }
        clock.advance(Duration.ofSeconds(1));
        assertThrows(ApiError.class, () -> budget.spend("203.0.113.7"), "half a check is not a check");
        clock.advance(Duration.ofSeconds(1));
        budget.spend("203.0.113.7");
        assertThrows(ApiError.class, () -> budget.spend("203.0.113.7"));

        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            budget.spend("203.0.113.7");
        }
        assertThrows(ApiError.class, () -> budget.spend("203.0.113.7"), "an idle hour refills the burst only");
    }

    @Test
    void refusedRequestsDoNotDelayTheNextCheck() {
        for (int i = 0; i < 5; i++) {
            budget.spend("203.0.113.7");
        }
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(15));
            assertThrows(ApiError.class, () -> budget.spend("203.0.113.7"));
        }
        clock.advance(Duration.ofMillis(550)); // 1.5 s of refused requests and 0.55 s more: over one check
        budget.spend("203.0.113.7");
    }

    @Test
    void eachAddressHasItsOwnBudget() {
        for (int i = 0; i < 5; i++) {
            budget.spend("203.0.113.7");
        }
        assertThrows(ApiError.class, () -> budget.spend("203.0.113.7"));
        budget.spend("203.0.113.8");
    }
}
