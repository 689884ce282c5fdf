package dev.pulse.caliper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pulse.identity.ApiClient;
import dev.pulse.identity.ApiClients;
import dev.pulse.platform.api.ApiError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientEdAppsTest {

    static final String REGISTERED = "urn:uuid:0d8e8f6a-61c6-4c5b-b1cf-2a3f7e5b9d10";
    static final String OTHER = "urn:uuid:11111111-2222-4333-8444-555555555555";

    /** One client, "integrator", whose edApp and state the test sets; every look-up is remembered. */
    static final class OneClient extends ApiClients {
        final List<String> lookups = new ArrayList<>();
        String edApp = REGISTERED;
        boolean active = true;

        @Override
        public Optional<ApiClient> find(String clientId) {
            lookups.add(clientId);
            if (!clientId.equals("integrator")) {
                return Optional.empty();
            }
            String app = edApp;
            boolean on = active;
            return Optional.of(new ApiClient() {
                @Override
                public String edapp() {
                    return app;
                }

                @Override
                public boolean isActive() {
                    return on;
                }
            });
        }
    }

    private final AssigneeAccountsTest.ManualClock clock = new AssigneeAccountsTest.ManualClock();
    private final OneClient clients = new OneClient();

    private ClientEdApps edApps() {
        ClientEdApps edApps = new ClientEdApps();
        edApps.clients = clients;
        edApps.clock = clock;
        edApps.start();
        return edApps;
    }

    private static ValidatedEvent naming(String edApp) {
        return new ValidatedEvent("urn:uuid:3a648e68-f00d-4c08-aa59-8738e1884f2c", "GradeEvent", "Graded", null, null,
                null, edApp, Instant.EPOCH, null, null, null, null, "{}", "f");
    }

    @Test
    void anEventNamingAnotherEdAppThanItsClientsIsAMismatch() {
        ClientEdApps edApps = edApps();
        assertEquals(Optional.empty(), edApps.mismatch("integrator", naming(REGISTERED)));
        assertEquals(Optional.empty(), edApps.mismatch("integrator", naming(REGISTERED.toUpperCase())));
        assertEquals(Optional.of("Field edApp " + OTHER + " does not match the edApp registered for this client ("
                + REGISTERED + ")"), edApps.mismatch("integrator", naming(OTHER)));
    }

    @Test
    void eventsWithoutAnEdAppAndClientsWithoutOneAreNotChecked() {
        ClientEdApps edApps = edApps();
        assertEquals(Optional.empty(), edApps.mismatch("integrator", naming(null)));
        assertEquals(List.of(), clients.lookups);
        clients.edApp = " ";
        assertEquals(Optional.empty(), edApps.mismatch("integrator", naming(OTHER)));
    }

    @Test
    void anEdAppIsBoundWhateverItsCaseOrTrailingSlashes() {
        assertEquals("https://example.edu", ClientEdApps.bindingKey("https://example.edu"));
        assertEquals("https://example.edu", ClientEdApps.bindingKey(" HTTPS://Example.EDU// "));
        assertEquals("https://example.edu/player", ClientEdApps.bindingKey("https://example.edu/Player/"));
        assertEquals("urn:tag:example.edu,2024:app", ClientEdApps.bindingKey("urn:tag:example.edu,2024:App"));
    }

    @Test
    void theRegisteredEdAppIsReadAgainAfterAMinute() {
        ClientEdApps edApps = edApps();
        edApps.mismatch("integrator", naming(OTHER));
        clients.edApp = OTHER;
        clock.now = clock.now.plus(Duration.ofSeconds(59));
        assertEquals(true, edApps.mismatch("integrator", naming(OTHER)).isPresent());
        assertEquals(1, clients.lookups.size());
        clock.now = clock.now.plus(Duration.ofSeconds(2));
        assertEquals(Optional.empty(), edApps.mismatch("integrator", naming(OTHER)));
        assertEquals(2, clients.lookups.size());
    }

    @Test
    void anUnknownOrDisabledClientIsUnauthorized() {
        assertEquals(401, assertThrows(ApiError.class, () -> edApps().mismatch("stranger", naming(OTHER))).status());
        clients.active = false;
        assertEquals(401, assertThrows(ApiError.class, () -> edApps().mismatch("integrator", naming(OTHER))).status());
    }
}
