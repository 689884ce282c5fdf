package dev.pulse.platform.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pulse.platform.api.ApiError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

    private static final long ME = 7;
    private static final long ACADEMY = 3;
    private static final long CLOSED_ACADEMY = 4;
    private static final long STUDENT = 11;

    /** Account 7 holds read_member in academy 3; academy 4 is switched off; student 11 belongs to 4 and 3. */
    private final AcademyCapabilities roster = new AcademyCapabilities() {
        @Override
        public boolean isInactive(long academyId) {
            return academyId == CLOSED_ACADEMY;
        }

        @Override
        public boolean hasCapability(long accountId, long academyId, String capability) {
            return accountId == ME && academyId == ACADEMY && capability.equals("read_member");
        }

        @Override
        public List<Long> academiesOf(long accountId) {
            return accountId == STUDENT ? List.of(CLOSED_ACADEMY, ACADEMY) : List.of();
        }
    };

    @Test
    void anAcademyNamedNowhereIsTheMissingAcademy403() {
        ApiError e = assertThrows(ApiError.class, () -> capabilitiesOf(user(ME)).academy(" "));
        assertEquals(403, e.status());
        assertEquals("Missing academy_id parameter expected for the endpoint url or 'Academy' header", e.getMessage());
    }

    @Test
    void anAcademyThatIsNoIntegerIsA400() {
        ApiError e = assertThrows(ApiError.class, () -> capabilitiesOf(user(ME)).academy("abc"));
        assertEquals(400, e.status());
        assertEquals("Academy ID needs to be an integer: abc", e.getMessage());
        assertEquals(12, capabilitiesOf(user(ME)).academy(" 12 "));
    }

    @Test
    void aUserWithoutTheCapabilityIsToldWhichOneAndWhere() {
        ApiError e = assertThrows(ApiError.class, () -> capabilitiesOf(user(ME)).require(ACADEMY, "crud_member"));
        assertEquals(403, e.status());
        assertEquals("You (user: 7) don't have this capability: crud_member for academy 3", e.getMessage());
        assertDoesNotThrow(() -> capabilitiesOf(user(ME)).require(ACADEMY, "read_member"));
    }

    @Test
    void anInactiveAcademyGrantsNothing() {
        ApiError e = assertThrows(ApiError.class, () -> capabilitiesOf(user(ME)).require(CLOSED_ACADEMY, "read_member"));
        assertEquals(403, e.status());
        assertEquals("This academy is not active", e.getMessage());
    }

    @Test
    void aPlatformAdministratorHoldsEveryCapabilityEverywhere() {
        Capabilities admin = capabilitiesOf(admin(99));
        assertDoesNotThrow(() -> admin.require(CLOSED_ACADEMY, "crud_member"));
        assertDoesNotThrow(() -> admin.requireInAnyAcademyOf(12, "crud_activity"));
    }

    @Test
    void anyAcademyOfTheUserWillDoButOneIsNeeded() {
        assertDoesNotThrow(() -> capabilitiesOf(user(ME)).requireInAnyAcademyOf(STUDENT, "read_member"));
        ApiError e = assertThrows(ApiError.class,
                () -> capabilitiesOf(user(ME)).requireInAnyAcademyOf(STUDENT, "crud_activity"));
        assertEquals(403, e.status());
        assertEquals("You (user: 7) don't have this capability: crud_activity for any academy of user 11",
                e.getMessage());
    }

    @Test
    void anAnonymousCallerIsUnauthorized() {
        ApiError e = assertThrows(ApiError.class, () -> capabilitiesOf(new Caller()).require(ACADEMY, "read_member"));
        assertEquals(401, e.status());
    }

    private Capabilities capabilitiesOf(Caller caller) {
        Capabilities capabilities = new Capabilities();
        capabilities.caller = caller;
        capabilities.academies = roster;
        return capabilities;
    }

    private static Caller user(long accountId) {
        return signedIn(accountId, Set.of("user"));
    }

    private static Caller admin(long accountId) {
        return signedIn(accountId, Set.of("user", Caller.PLATFORM_ADMIN));
    }

    private static Caller signedIn(long accountId, Set<String> groups) {
        Map<String, Object> claims = new HashMap<>();
        claims.put(Caller.ACCOUNT_ID, accountId);
        claims.put(Caller.KIND, Caller.KIND_USER);
        claims.put("groups", groups);
        Caller caller = new Caller();
        caller.signIn(new ClaimsToken("user-" + accountId, claims));
        return caller;
    }
}
