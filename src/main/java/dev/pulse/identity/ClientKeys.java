package dev.pulse.identity;

import com.github.benmanes.caffeine.cache.Cache;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.cache.Caches;
import dev.pulse.platform.security.ApiKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * API keys of API clients (docs/decisions/0018): issued by an administrator, shown once, valid until
 * revoked. A key is {@code pulse_<key id>.<secret>}: the id finds the row, and the 256-bit random
 * secret is checked against its SHA-256 digest in constant time, a microsecond or so on every request
 * (a slow password hash would cost tens of milliseconds each time, and a secret this long needs none).
 * Keys are remembered like client states: forgotten at once here when revoked, and
 * {@code PULSE_ACCOUNT_STATE_TTL} after they were read on every other instance.
 */
@ApplicationScoped
public class ClientKeys implements ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern KEY = Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-f]{24})\\.([A-Za-z0-9_-]{43})");
    private static final int MAX_REMEMBERED = 10_000;

    /** What checking a presented key needs; the digest, never the secret. */
    record StoredKey(String clientId, byte[] secretSha256, int tokenVersion) {
    }

    /** The one moment a key exists in clear. */
    public record IssuedKey(String keyId, String key, String clientId, Instant createdAt) {
        @Override
        public String toString() {
            return "IssuedKey[keyId=" + keyId + ", clientId=" + clientId + "]";
        }
    }

    /** A key was revoked in the current transaction; it is forgotten here once the transaction is over. */
    record Revoked(String keyId) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<Revoked> revocations;

    @Inject
    @ConfigProperty(name = "PULSE_ACCOUNT_STATE_TTL", defaultValue = "PT4S")
    Duration timeToLive;

    private Cache<String, StoredKey> keys;

    @PostConstruct
    void prepare() {
        keys = Caches.expiringAfterWrite(MAX_REMEMBERED, timeToLive, clock);
    }

    /**
     * A new key for the client, under the client's current token version (read by the insert itself);
     * 404 for an unknown client.
     */
    @Transactional
    public IssuedKey issue(String clientId) {
        String keyId = HexFormat.of().formatHex(randomBytes(12));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("""
                        insert into api_key (key_id, client_id, secret_sha256, token_version, created_at)
                        select ?1, c.id, ?2, c.token_version, ?3 from api_client c where c.client_id = ?4""")
                .setParameter(1, keyId).setParameter(2, sha256(secret)).setParameter(3, now)
                .setParameter(4, clientId).executeUpdate();
        if (inserted == 0) {
            throw ApiClients.clientNotFound(clientId);
        }
        return new IssuedKey(keyId, PREFIX + keyId + "." + secret, clientId, now);
    }

    /** Revokes the client's key for good; 404 when the client has no such key. */
    @Transactional
    public void revoke(String clientId, String keyId) {
        int deleted = em.createNativeQuery("""
                        delete from api_key k using api_client c
                        where k.client_id = c.id and c.client_id = ?1 and k.key_id = ?2""")
                .setParameter(1, clientId).setParameter(2, keyId).executeUpdate();
        if (deleted == 0) {
            throw ApiError.notFound("api-key-not-found", "API client " + clientId + " has no key " + keyId);
        }
        revocations.fire(new Revoked(keyId));
    }

    @Override
    public Optional<KeyHolder> holderOf(String key) {
        Matcher parts = KEY.matcher(key);
        if (!parts.matches()) {
            return Optional.empty();
        }
        StoredKey stored = keys.get(parts.group(1), this::load);
        if (stored == null || !MessageDigest.isEqual(sha256(parts.group(2)), stored.secretSha256())) {
            return Optional.empty();
        }
        return Optional.of(new KeyHolder(stored.clientId(), stored.tokenVersion()));
    }

    void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) Revoked revoked) {
        keys.invalidate(revoked.keyId());
    }

    /** The stored key, or null (never remembered) when there is none. */
    StoredKey load(String keyId) {
        List<?> rows = em.createNativeQuery("""
                        select c.client_id, k.secret_sha256, k.token_version
                        from api_key k join api_client c on c.id = k.client_id where k.key_id = ?1""")
                .setParameter(1, keyId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new StoredKey((String) row[0], (byte[]) row[1], ((Number) row[2]).intValue());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
