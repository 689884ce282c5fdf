package dev.pulse.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A person who signs in: learner, staff, organiser or platform administrator. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private UUID uuid;

    /** Null only for Live accounts, which sign in by username (MenloHacks Vivere has no email). */
    @Column(length = 254)
    private String email;

    @Column(nullable = false, length = 150)
    private String username;

    @Column(name = "first_name", nullable = false, length = 150)
    private String firstName;

    @Column(name = "last_name", nullable = false, length = 150)
    private String lastName;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "platform_admin", nullable = false)
    private boolean platformAdmin;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Raised only in SQL, by the writes that revoke the account's tokens (docs/decisions/0013). */
    @Column(name = "token_version", nullable = false, insertable = false, updatable = false)
    private int tokenVersion;

    protected Account() {
    }

    public Account(String email, String username, String firstName, String lastName, String passwordHash,
            boolean platformAdmin, Instant createdAt) {
        if (email == null || !email.contains("@")) {
            throw new IllegalArgumentException("an account needs an email address");
        }
        this.uuid = UUID.randomUUID();
        this.email = email.trim().toLowerCase();
        this.username = Objects.requireNonNull(username, "username").trim();
        this.firstName = firstName == null ? "" : firstName.trim();
        this.lastName = lastName == null ? "" : lastName.trim();
        this.passwordHash = Objects.requireNonNull(passwordHash, "password hash");
        this.platformAdmin = platformAdmin;
        this.createdAt = Objects.requireNonNull(createdAt, "created at");
    }

    /** A Live (MenloHacks) account: a full name, a username and a password, no email. */
    static Account named(String name, String username, String passwordHash, Instant createdAt) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a named account needs a username");
        }
        Account account = new Account();
        account.uuid = UUID.randomUUID();
        account.username = username.trim();
        account.firstName = name == null ? "" : name.trim();
        account.lastName = "";
        account.passwordHash = Objects.requireNonNull(passwordHash, "password hash");
        account.createdAt = Objects.requireNonNull(createdAt, "created at");
        return account;
    }

    public Long id() {
        return id;
    }

    public UUID uuid() {
        return uuid;
    }

    public String email() {
        return email;
    }

    public String username() {
        return username;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    /** "First Last", or the username when no name was given. */
    public String displayName() {
        return displayName(firstName, lastName, username);
    }

    static String displayName(String firstName, String lastName, String username) {
        String name = (firstName + " " + lastName).trim();
        return name.isEmpty() ? username : name;
    }

    String passwordHash() {
        return passwordHash;
    }

    public boolean isPlatformAdmin() {
        return platformAdmin;
    }

    public boolean isActive() {
        return active;
    }

    /** The version every token issued now carries; tokens with another version are refused. */
    public int tokenVersion() {
        return tokenVersion;
    }
}
