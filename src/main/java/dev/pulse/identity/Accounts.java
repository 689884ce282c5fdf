package dev.pulse.identity;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.BreatheCodeFieldMessages;
import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.NumericId;
import dev.pulse.platform.input.UrnUuid;
import dev.pulse.platform.persistence.UniqueViolation;
import dev.pulse.platform.security.ClientAddress;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Accounts: creation, sign-in with throttling, and the one resolver every feature uses to turn
 * a user reference (numeric id, email, uuid or {@code urn:uuid:<uuid>}) into an account.
 */
@ApplicationScoped
@Transactional
public class Accounts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MIN_PASSWORD = 8;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    Clock clock;

    @Inject
    ClientAddress addresses;

    @Inject
    PasswordCheckBudget budget;

    @Inject
    SignInThrottle throttle;

    @Inject
    Event<AccountChanged> changes;

    /** What an administrator (or a Live sign-up) gives to open an account. */
    public record NewAccount(String email, String password, String firstName, String lastName, String username) {
    }

    public Account create(NewAccount request, boolean platformAdmin) {
        BreatheCodeFieldMessages words = FieldMessages.BREATHECODE;
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (request.email() == null || !EMAIL.matcher(request.email().trim()).matches()) {
            errors.put("email", List.of(request.email() == null ? words.required() : words.notAnEmail()));
        }
        passwordProblem(request.password()).ifPresent(problem -> errors.put("password", List.of(problem)));
        // the account table's column widths
        atMost(errors, "email", request.email(), 254);
        atMost(errors, "first_name", request.firstName(), 150);
        atMost(errors, "last_name", request.lastName(), 150);
        atMost(errors, "username", request.username(), 150);
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
        String username = request.username() == null || request.username().isBlank()
                ? request.email().trim().toLowerCase() : request.username().trim();
        Account account = new Account(request.email(), username, request.firstName(), request.lastName(),
                passwords.hash(request.password()), platformAdmin, clock.instant());
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            throw UniqueViolation.constraintOf(e)
                    .map(constraint -> constraint.contains("username")
                            ? ApiError.invalid(Map.of("username", List.of("A user with that username already exists.")))
                            : ApiError.invalid(Map.of("email", List.of("A user with that email already exists."))))
                    .orElseThrow(() -> e);
        }
        return account;
    }

    private static void atMost(Map<String, List<String>> errors, String field, String value, int max) {
        if (value != null && value.trim().length() > max && !errors.containsKey(field)) {
            errors.put(field, List.of(FieldMessages.BREATHECODE.tooLong(max)));
        }
    }

    /** What is wrong with a new password, by the one rule every way of setting one follows. */
    static Optional<String> passwordProblem(String password) {
        if (password == null) {
            return Optional.of(FieldMessages.BREATHECODE.required());
        }
        return password.length() < MIN_PASSWORD ? Optional.of(FieldMessages.BREATHECODE.tooShort(MIN_PASSWORD))
                : Optional.empty();
    }

    /**
     * A Live (MenloHacks) account from a name, a username and a password, without an email.
     * Input is checked by the caller; a taken username is a 400 naming the username. Anonymous, so the
     * hashing is paid from the caller's address's budget.
     */
    public Account createNamed(String name, String username, String password) {
        budget.spend(addresses.current());
        Account account = Account.named(name, username, passwords.hash(password), clock.instant());
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            throw UniqueViolation.constraintOf(e)
                    .map(constraint -> ApiError.badRequest("username-taken", "An account with that username already exists"))
                    .orElseThrow(() -> e);
        }
        return account;
    }

    /** What start-up found for the configured administrator. */
    public enum Bootstrap { CREATED, UNCHANGED, PASSWORD_DIFFERS }

    /**
     * Creates the bootstrap administrator unless an account with that email exists; safe on many
     * instances at once. An existing account keeps its password: it may have been changed through the
     * API since, and start-up must not undo that.
     */
    public Bootstrap ensurePlatformAdmin(String email, String password) {
        int created = em.createNativeQuery("""
                insert into account (uuid, email, username, password_hash, platform_admin, created_at)
                values (?1, ?2, ?2, ?3, true, ?4) on conflict do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, email.trim().toLowerCase())
                .setParameter(3, passwords.hash(password))
                .setParameter(4, clock.instant())
                .executeUpdate();
        if (created == 1) {
            return Bootstrap.CREATED;
        }
        return byEmail(email).filter(a -> passwords.matches(password, a.passwordHash())).isPresent()
                ? Bootstrap.UNCHANGED : Bootstrap.PASSWORD_DIFFERS;
    }

    /**
     * Checks a password by email. Every sign-in, whatever the family, goes through {@link #verify}: the
     * address's hashing budget, then the attempt counted in the database, then the hash, outside any
     * transaction so that no row or connection is held while hashing.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Account signIn(String email, String password) {
        return verify(email, this::byEmail, password, Accounts::invalidCredentials);
    }

    /** Like {@link #signIn} for accounts named by username (Live); the same throttling, the caller's error. */
    @Transactional(TxType.NOT_SUPPORTED)
    public Account signInByUsername(String username, String password, Supplier<ApiError> invalid) {
        return verify(username, this::byUsername, password, invalid);
    }

    /** The account's own password, checked under the same rules as a sign-in (a token is no licence to guess). */
    @Transactional(TxType.NOT_SUPPORTED)
    public Account checkPassword(long accountId, String password, Supplier<ApiError> wrong) {
        return verify(String.valueOf(accountId), id -> byId(accountId), password, wrong);
    }

    private Account verify(String name, Function<String, Optional<Account>> find, String password,
            Supplier<ApiError> invalid) {
        String address = addresses.current();
        budget.spend(address);
        Account account = find.apply(name).orElse(null);
        SignInThrottle.Attempt attempt = throttle.admit(SignInThrottle.loginOf(account, name), address);
        if (account == null || !account.isActive()) {
            passwords.spendVerificationTime(password);
            throw invalid.get();
        }
        if (!passwords.matches(password, account.passwordHash())) {
            throw invalid.get();
        }
        throttle.succeeded(attempt);
        return account;
    }

    /**
     * Sets a new password and revokes every token of the account (docs/decisions/0013); answers the
     * version tokens must now carry. The version is raised in SQL, so concurrent revocations all count.
     */
    public int replacePassword(long accountId, String newPassword) {
        passwordProblem(newPassword).ifPresent(problem -> {
            throw FieldMessages.BREATHECODE.invalid("new_password", problem);
        });
        List<?> version = em.createNativeQuery("""
                update account set password_hash = ?1, token_version = token_version + 1 where id = ?2
                returning token_version""")
                .setParameter(1, passwords.hash(newPassword)).setParameter(2, accountId)
                .getResultList();
        if (version.isEmpty()) {
            throw userNotFound(String.valueOf(accountId));
        }
        changes.fire(new AccountChanged(accountId));
        return ((Number) version.get(0)).intValue();
    }

    /**
     * Deactivates (revoking every token: reactivation does not revive them) or reactivates an account.
     * A deactivated account cannot sign in and none of its tokens is accepted.
     */
    public void setActive(long accountId, boolean active) {
        int updated = em.createNativeQuery(active
                        ? "update account set active = true where id = ?1"
                        : "update account set active = false, token_version = token_version + 1 where id = ?1")
                .setParameter(1, accountId).executeUpdate();
        if (updated == 0) {
            throw userNotFound(String.valueOf(accountId));
        }
        changes.fire(new AccountChanged(accountId));
    }

    private static ApiError invalidCredentials() {
        return ApiError.badRequest("invalid-credentials", "Unable to log in with provided credentials.");
    }

    public Optional<Account> byEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return em.createQuery("select a from Account a where lower(a.email) = :email", Account.class)
                .setParameter("email", email.trim().toLowerCase())
                .getResultStream().findFirst();
    }

    public Optional<Account> byUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createQuery("select a from Account a where lower(a.username) = :username", Account.class)
                .setParameter("username", username.trim().toLowerCase())
                .getResultStream().findFirst();
    }

    public Optional<Account> byId(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /** An account named by numeric id, email, uuid or urn:uuid:uuid. */
    public Optional<Account> resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String ref = reference.trim();
        if (NumericId.looksNumeric(ref)) {
            return NumericId.parse(ref).flatMap(this::byId);
        }
        if (ref.contains("@")) {
            return byEmail(ref);
        }
        return UrnUuid.uuidOf(ref).flatMap(uuid ->
                em.createQuery("select a from Account a where a.uuid = :uuid", Account.class)
                        .setParameter("uuid", uuid)
                        .getResultStream().findFirst());
    }

    /** Like {@link #resolve} for a user named in a request body: a 400 on that field when nobody matches. */
    public Account requireField(String field, String reference) {
        return resolve(reference).orElseThrow(() -> FieldMessages.BREATHECODE.invalid(field, reference == null
                ? FieldMessages.BREATHECODE.required() : "User with id " + reference + " not found"));
    }

    /** Like {@link #resolve} but a 404 in BreatheCode's words when nobody matches. */
    public Account require(String reference) {
        return resolve(reference).orElseThrow(() -> userNotFound(reference));
    }

    static ApiError userNotFound(String reference) {
        return ApiError.notFound("user-not-found", "User with id " + reference + " not found");
    }
}
