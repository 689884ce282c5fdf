package dev.pulse.identity;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.UrnUuid;
import dev.pulse.platform.persistence.UniqueViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

/** Registered integrators; their secrets are shown once and kept only as a slow hash. */
@ApplicationScoped
@Transactional
public class ApiClients {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    AcademyRoster roster;

    @Inject
    Clock clock;

    /** The one moment the secret exists in clear. */
    public record Registered(String clientId, String clientSecret, String edapp, String name, Long academyId) {
        @Override
        public String toString() {
            return "Registered[clientId=" + clientId + ", edapp=" + edapp + "]";
        }
    }

    /** {@code academyId}, when given, binds the client to that academy (see {@link ApiClient#academyId()}). */
    public Registered register(String name, String edapp, Long academyId) {
        if (name == null || name.isBlank()) {
            throw FieldMessages.BREATHECODE.invalid("name", FieldMessages.BREATHECODE.required());
        }
        String app = edapp == null || edapp.isBlank() ? UrnUuid.random().toString() : edapp.trim();
        if (!UrnUuid.isUrnUuid(app)) {
            throw FieldMessages.BREATHECODE.invalid("edapp", "Must be a urn:uuid: URN");
        }
        if (academyId != null) {
            roster.requireAcademy(academyId);
        }
        String clientId = UUID.randomUUID().toString();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            em.persist(new ApiClient(clientId, hashing.hash(clientSecret), name, app, academyId, clock.instant()));
            em.flush();
        } catch (PersistenceException e) {
            // an edApp belongs to one client (api_client_edapp_key): events name their client by it
            throw UniqueViolation.constraintOf(e)
                    .map(constraint -> FieldMessages.BREATHECODE.invalid("edapp", "An API client with that edApp already exists."))
                    .orElseThrow(() -> e);
        }
        return new Registered(clientId, clientSecret, app, name.trim(), academyId);
    }

    /** The client these credentials belong to; 401 for anything else, with one message for every failure. */
    public ApiClient authenticate(String clientId, String clientSecret) {
        ApiClient client = clientId == null ? null
                : em.createQuery("select c from ApiClient c where c.clientId = :id", ApiClient.class)
                        .setParameter("id", clientId.trim()).getResultStream().findFirst().orElse(null);
        if (client == null || !client.isActive()) {
            hashing.spendVerificationTime(clientSecret);
            throw ApiError.unauthorized("Invalid client credentials");
        }
        if (!hashing.matches(clientSecret, client.secretHash())) {
            throw ApiError.unauthorized("Invalid client credentials");
        }
        return client;
    }

    public java.util.Optional<ApiClient> find(String clientId) {
        return em.createQuery("select c from ApiClient c where c.clientId = :id", ApiClient.class)
                .setParameter("id", clientId).getResultStream().findFirst();
    }
}
