package dev.pulse.caliper;

import com.github.benmanes.caffeine.cache.Cache;
import dev.pulse.identity.ApiClient;
import dev.pulse.identity.ApiClients;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.cache.Caches;
import dev.pulse.platform.input.UrnUuid;
import dev.pulse.platform.metrics.Meter;
import dev.pulse.platform.persistence.LocalTransactions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Which client may name an edApp. A {@code urn:uuid:} edApp is the one registered with the client
 * (unique among clients, {@code api_client_edapp_key}). Any other form (IMS samples name theirs by
 * URL) is bound to the first client that sends it ({@code caliper_ed_app}); another client naming
 * it is refused as a foreign edApp is.
 */
@ApplicationScoped
public class ClientEdApps {

    // an edApp is fixed at registration: safe to remember for a while
    private static final Duration REMEMBERED = Duration.ofSeconds(60);
    private static final int CLIENTS_REMEMBERED = 10_000;
    // a binding never changes once made, so its owner is remembered until evicted by size
    private static final int BINDINGS_REMEMBERED = 50_000;

    private static final String BIND = """
            insert into caliper_ed_app (ed_app_key, ed_app, client_id, bound_at) values (?, ?, ?, ?)
            on conflict (ed_app_key) do nothing""";
    private static final String OWNER = "select client_id from caliper_ed_app where ed_app_key = ?";

    @Inject
    ApiClients clients;

    @Inject
    Clock clock;

    @Resource(lookup = "java:app/jdbc/pulse")
    DataSource dataSource;

    @Inject
    Meter meter;

    private Cache<String, Optional<String>> registered;
    private Cache<String, String> owners;

    @PostConstruct
    void start() {
        registered = Caches.expiringAfterWrite(CLIENTS_REMEMBERED, REMEMBERED, clock);
        owners = Caches.bounded(BINDINGS_REMEMBERED);
    }

    /** Why the event may not name its edApp for this client; empty when it may (or names none). */
    Optional<String> mismatch(String clientId, ValidatedEvent event) {
        String named = event.edApp();
        if (named == null) {
            return Optional.empty();
        }
        if (!named.regionMatches(true, 0, UrnUuid.PREFIX, 0, UrnUuid.PREFIX.length())) {
            String owner = owners.get(bindingKey(named), key -> bind(key, clientId));
            return owner.equals(clientId) ? Optional.empty()
                    : Optional.of("Field edApp " + named + " is bound to another client");
        }
        Optional<String> edApp = registered.get(clientId, this::registeredEdApp);
        if (edApp.isEmpty() || edApp.get().equalsIgnoreCase(named)) {
            return Optional.empty();
        }
        return Optional.of("Field edApp " + named + " does not match the edApp registered for this client ("
                + edApp.get() + ")");
    }

    /** The edApp as bound: lowercased, without trailing slashes (as V10__ed_app_bindings.sql reads stored events). */
    static String bindingKey(String edApp) {
        String key = edApp.trim().toLowerCase(Locale.ROOT);
        int end = key.length();
        while (end > 0 && key.charAt(end - 1) == '/') {
            end--;
        }
        return key.substring(0, end);
    }

    /** The binding's primary key: SHA-256 of the bound form, since an IRI may be longer than a btree entry. */
    static String digest(String boundForm) {
        return EventFingerprint.sha256(boundForm);
    }

    /**
     * Binds the edApp to the client unless it is bound already, and answers its owner. The insert
     * and the read are separate statements, so the read sees a binding another instance committed
     * while the insert waited for it.
     */
    private String bind(String key, String clientId) {
        try {
            return LocalTransactions.commit(dataSource, meter, c -> {
                String digest = digest(key);
                try (PreparedStatement insert = c.prepareStatement(BIND)) {
                    insert.setString(1, digest);
                    insert.setString(2, key);
                    insert.setString(3, clientId);
                    insert.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
                    insert.executeUpdate();
                }
                try (PreparedStatement owner = c.prepareStatement(OWNER)) {
                    owner.setString(1, digest);
                    try (ResultSet r = owner.executeQuery()) {
                        if (!r.next()) {
                            throw new SQLException("edApp binding " + key + " vanished");
                        }
                        return r.getString(1);
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bind an edApp", e);
        }
    }

    /** A client that is gone or disabled is answered as its token would be: 401 (and not remembered). */
    private Optional<String> registeredEdApp(String clientId) {
        ApiClient client = clients.find(clientId).orElseThrow(() -> ApiError.unauthorized("Invalid or expired token."));
        if (!client.isActive()) {
            throw ApiError.unauthorized("Invalid or expired token.");
        }
        return Optional.ofNullable(client.edapp()).filter(s -> !s.isBlank());
    }
}
