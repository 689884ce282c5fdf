package dev.pulse.identity;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.UrnUuid;
import dev.pulse.platform.security.ClientAddress;
import jakarta.enterprise.event.Event;
import dev.pulse.platform.persistence.UniqueViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
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

    @Inject
    ClientAddress addresses;

    @Inject
    PasswordCheckBudget budget;

    @Inject
    Event<ClientChanged> changes;

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
        String clientSecret = newSecret();
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

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * The client these credentials belong to; 401 for anything else, with one message for every failure.
     * Anonymous, so the hashing is paid from the caller's address's budget.
     */
    @Transactional(TxType.SUPPORTS)
    public ApiClient authenticate(String clientId, String clientSecret) {
        budget.spend(addresses.current());
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

    /** Disables the client: its credentials and every token it holds are refused from now on. */
    public ApiClient disable(String clientId) {
        return revise(clientId, "update api_client set active = false, token_version = token_version + 1 where client_id = ?1");
    }

    /** Enables a disabled client again; tokens issued before it was disabled stay void. */
    public ApiClient enable(String clientId) {
        return revise(clientId, "update api_client set active = true where client_id = ?1");
    }

    /** A new secret, shown in this answer only; the old secret and every token issued with it stop working. */
    public Registered rotateSecret(String clientId) {
        String clientSecret = newSecret();
        int updated = em.createNativeQuery(
                        "update api_client set secret_hash = ?1, token_version = token_version + 1 where client_id = ?2")
                .setParameter(1, hashing.hash(clientSecret)).setParameter(2, clientId).executeUpdate();
        if (updated == 0) {
            throw clientNotFound(clientId);
        }
        changes.fire(new ClientChanged(clientId));
        ApiClient client = find(clientId).orElseThrow();
        return new Registered(client.clientId(), clientSecret, client.edapp(), client.name(), client.academyId().orElse(null));
    }

    private ApiClient revise(String clientId, String update) {
        if (em.createNativeQuery(update).setParameter(1, clientId).executeUpdate() == 0) {
            throw clientNotFound(clientId);
        }
        changes.fire(new ClientChanged(clientId));
        return find(clientId).orElseThrow();
    }

    static ApiError clientNotFound(String clientId) {
        return ApiError.notFound("client-not-found", "API client " + clientId + " not found");
    }

    public java.util.Optional<ApiClient> find(String clientId) {
        return em.createQuery("select c from ApiClient c where c.clientId = :id", ApiClient.class)
                .setParameter("id", clientId).getResultStream().findFirst();
    }
}
