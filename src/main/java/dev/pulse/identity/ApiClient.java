package dev.pulse.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** An outside system (an edtech integrator, a Sunbird portal) that calls Pulse with its own token. */
@Entity
@Table(name = "api_client")
public class ApiClient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false, unique = true, length = 64)
    private String clientId;

    @Column(name = "secret_hash", nullable = false, length = 512)
    private String secretHash;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 300)
    private String edapp;

    @Column(nullable = false)
    private boolean active = true;

    /** The academy whose members' Caliper evidence this client may give (null: none), fixed at registration. */
    @Column(name = "academy_id")
    private Long academyId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Raised only in SQL, by disabling the client or rotating its secret (docs/decisions/0013). */
    @Column(name = "token_version", nullable = false, insertable = false, updatable = false)
    private int tokenVersion;

    protected ApiClient() {
    }

    ApiClient(String clientId, String secretHash, String name, String edapp, Long academyId, Instant createdAt) {
        this.clientId = Objects.requireNonNull(clientId);
        this.secretHash = Objects.requireNonNull(secretHash);
        this.name = Objects.requireNonNull(name).trim();
        this.edapp = edapp;
        this.academyId = academyId;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public String clientId() {
        return clientId;
    }

    String secretHash() {
        return secretHash;
    }

    public String name() {
        return name;
    }

    public String edapp() {
        return edapp;
    }

    public java.util.Optional<Long> academyId() {
        return java.util.Optional.ofNullable(academyId);
    }

    public boolean isActive() {
        return active;
    }

    public int tokenVersion() {
        return tokenVersion;
    }
}
