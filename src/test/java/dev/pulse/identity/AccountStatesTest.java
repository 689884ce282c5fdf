package dev.pulse.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.identity.AccountState.AcademyMembership;
import dev.pulse.platform.testing.MovableClock;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountStatesTest {

    private static final long STAFF = 7;
    private static final long OTHER = 8;
    private static final long ACADEMY = 3;
    private static final long CLOSED_ACADEMY = 4;
    private static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));

    /** The rows as the database holds them now, and how often each account was read. */
    private final Map<Long, AccountState> rows = new HashMap<>();
    private final Map<Long, Integer> reads = new HashMap<>();

    private final AccountStates states = new AccountStates() {
        @Override
        AccountState load(long id) {
            reads.merge(id, 1, Integer::sum);
            return rows.get(id);
        }
    };

    AccountStatesTest() {
        states.clock = clock;
        states.timeToLive = TIME_TO_LIVE;
        states.prepare();
        rows.put(STAFF, account(STAFF, role(ACADEMY, true, "staff", "crud_activity", "read_member"),
                role(CLOSED_ACADEMY, false, "staff", "crud_activity")));
        rows.put(OTHER, account(OTHER));
    }

    @Test
    void anAccountIsReadOnceAndThenRememberedForItsTimeToLive() {
        states.byId(STAFF);
        clock.advance(TIME_TO_LIVE.minusSeconds(1));
        assertEquals("staff-7", states.byId(STAFF).orElseThrow().username());
        assertEquals(1, reads.get(STAFF));

        clock.advance(Duration.ofSeconds(1));
        states.byId(STAFF);
        assertEquals(2, reads.get(STAFF));
    }

    @Test
    void aChangedAccountIsReadAgainOnTheNextRequestAndOnlyThatAccount() {
        assertTrue(states.hasCapability(STAFF, ACADEMY, "crud_activity"));
        states.byId(OTHER);

        rows.put(STAFF, account(STAFF, role(ACADEMY, true, "student", "read_single_cohort")));
        states.forget(new AccountChanged(STAFF));

        assertFalse(states.hasCapability(STAFF, ACADEMY, "crud_activity"));
        assertEquals(2, reads.get(STAFF));
        states.byId(OTHER);
        assertEquals(1, reads.get(OTHER));
    }

    @Test
    void anUnknownAccountIsNotRememberedSoANewAccountIsFoundAtOnce() {
        long created = 9;
        assertTrue(states.byId(created).isEmpty());
        rows.put(created, account(created));
        assertEquals(created, states.byId(created).orElseThrow().id());
    }

    @Test
    void capabilitiesComeFromTheRoleInAnActiveAcademyOnly() {
        assertTrue(states.hasCapability(STAFF, ACADEMY, "read_member"));
        assertFalse(states.hasCapability(STAFF, ACADEMY, "crud_member"));
        assertFalse(states.hasCapability(STAFF, CLOSED_ACADEMY, "crud_activity"));
        assertFalse(states.hasCapability(OTHER, ACADEMY, "read_member"));
        assertFalse(states.hasCapability(404, ACADEMY, "read_member"));
        assertEquals(List.of(ACADEMY, CLOSED_ACADEMY), states.academiesOf(STAFF));
        assertEquals(List.of(), states.academiesOf(404));
        assertEquals(1, reads.get(STAFF));
    }

    @Test
    void theRememberedStateHoldsNoPasswordHashOrSecret() {
        for (Class<?> type : List.of(AccountState.class, AcademyMembership.class, AccountState.CohortMembership.class)) {
            for (RecordComponent component : type.getRecordComponents()) {
                String name = component.getName().toLowerCase(Locale.ROOT);
                assertFalse(name.contains("password") || name.contains("hash") || name.contains("secret"),
                        type.getSimpleName() + "." + component.getName());
            }
        }
    }

    private static AcademyMembership role(long academyId, boolean active, String role, String... capabilities) {
        return new AcademyMembership(academyId, "academy-" + academyId, "Academy " + academyId, active, role,
                Set.of(capabilities));
    }

    private static AccountState account(long id, AcademyMembership... academies) {
        return new AccountState(id, UUID.randomUUID(), "staff-" + id + "@example.com", "staff-" + id, "Sam", "Staff",
                false, true, 0, List.of(academies), List.of());
    }
}
