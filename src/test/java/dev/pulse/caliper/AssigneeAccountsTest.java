package dev.pulse.caliper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pulse.identity.Account;
import dev.pulse.identity.Accounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssigneeAccountsTest {

    static final String UUID = "7f6c1f1e-8d57-4c0f-9d0e-3f1a6b1d2c3e";

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2024-03-01T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Accounts where one uuid is account 7 and every look-up is remembered. */
    static final class KnownAccounts extends Accounts {
        final List<String> lookups = new ArrayList<>();
        String known;

        @Override
        public Optional<Account> resolve(String reference) {
            lookups.add(reference);
            if (!reference.equals(known)) {
                return Optional.empty();
            }
            return Optional.of(new Account("member@example.com", "member", "A", "Member", "hash", false, Instant.EPOCH) {
                @Override
                public Long id() {
                    return 7L;
                }
            });
        }
    }

    private final ManualClock clock = new ManualClock();
    private final KnownAccounts accounts = new KnownAccounts();

    private AssigneeAccounts assignees() {
        AssigneeAccounts assignees = new AssigneeAccounts();
        assignees.accounts = accounts;
        assignees.clock = clock;
        assignees.start();
        return assignees;
    }

    @Test
    void anAssigneeNamedByUrnInAnyCaseOrByBareUuidIsLinkedOnce() {
        accounts.known = UUID;
        AssigneeAccounts assignees = assignees();
        assertEquals(7L, assignees.accountOf("urn:uuid:" + UUID));
        assertEquals(7L, assignees.accountOf("URN:UUID:" + UUID.toUpperCase()));
        assertEquals(7L, assignees.accountOf(UUID));
        assertEquals(List.of(UUID), accounts.lookups);
    }

    @Test
    void anAssigneeThatIsNoAccountIsAskedForAgainOnlyAfterAFewSeconds() {
        AssigneeAccounts assignees = assignees();
        assertNull(assignees.accountOf("urn:uuid:" + UUID));
        clock.now = clock.now.plus(Duration.ofSeconds(4));
        assertNull(assignees.accountOf("urn:uuid:" + UUID));
        assertEquals(1, accounts.lookups.size());
        accounts.known = UUID;
        clock.now = clock.now.plus(Duration.ofSeconds(2));
        assertEquals(7L, assignees.accountOf("urn:uuid:" + UUID));
        assertEquals(2, accounts.lookups.size());
    }

    @Test
    void assigneesThatAreNoUuidAreNeverLookedUp() {
        AssigneeAccounts assignees = assignees();
        assertNull(assignees.accountOf(null));
        assertNull(assignees.accountOf("https://example.edu/users/554433"));
        assertNull(assignees.accountOf("urn:uuid:not-a-uuid"));
        assertEquals(List.of(), accounts.lookups);
    }
}
