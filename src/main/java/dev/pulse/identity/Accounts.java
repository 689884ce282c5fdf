package dev.pulse.identity;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.BreatheCodeFieldMessages;
import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.NumericId;
import dev.pulse.platform.input.UrnUuid;
import dev.pulse.platform.persistence.UniqueViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Accounts: creation, sign-in with throttling, and the one resolver every feature uses to turn
 * a user reference (numeric id, email, uuid or {@code urn:uuid:<uuid>}) into an account.
 */
@ApplicationScoped
@Transactional
public class Accounts {

    static final int MAX_FAILURES = 10;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(5);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MIN_PASSWORD = 8;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    Clock clock;

    /** What an administrator (or a Live sign-up) gives to open an account. */
    public record NewAccount(String email, String password, String firstName, String lastName, String username) {
    }

    public Account create(NewAccount request, boolean platformAdmin) {
        BreatheCodeFieldMessages words = FieldMessages.BREATHECODE;
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (request.email() == null || !EMAIL.matcher(request.email().trim()).matches()) {
            errors.put("email", List.of(request.email() == null ? words.required() : words.notAnEmail()));
        }
        if (request.password() == null || request.password().length() < MIN_PASSWORD) {
            errors.put("password", List.of(request.password() == null ? words.required()
                    : words.tooShort(MIN_PASSWORD)));
        }
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

    /**
     * A Live (MenloHacks) account from a name, a username and a password, without an email.
     * Input is checked by the caller; a taken username is a 400 naming the username.
     */
    public Account createNamed(String name, String username, String password) {
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

    /** Creates the bootstrap administrator unless an account with that email exists; safe on many instances at once. */
    public boolean ensurePlatformAdmin(String email, String password) {
        int created = em.createNativeQuery("""
                insert into account (uuid, email, username, password_hash, platform_admin, created_at)
                values (?1, ?2, ?2, ?3, true, ?4) on conflict do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, email.trim().toLowerCase())
                .setParameter(3, passwords.hash(password))
                .setParameter(4, clock.instant())
                .executeUpdate();
        return created == 1;
    }

    /** Checks a password, counting failures per account; ten in five minutes lock sign-in until the window passes. */
    @Transactional(dontRollbackOn = ApiError.class)
    public Account signIn(String email, String password) {
        return verify(byEmail(email), password, Accounts::invalidCredentials);
    }

    /** Like {@link #signIn} for accounts named by username (Live); the same throttling, the caller's error. */
    @Transactional(dontRollbackOn = ApiError.class)
    public Account signInByUsername(String username, String password, java.util.function.Supplier<ApiError> invalid) {
        return verify(byUsername(username), password, invalid);
    }

    private Account verify(Optional<Account> found, String password, java.util.function.Supplier<ApiError> invalid) {
        if (found.isEmpty() || !found.get().isActive()) {
            passwords.spendVerificationTime(password);
            throw invalid.get();
        }
        Account account = found.get();
        Instant now = clock.instant();
        long recent = em.createQuery("select count(f) from LoginFailure f where f.accountId = :id and f.failedAt > :since",
                        Long.class)
                .setParameter("id", account.id())
                .setParameter("since", now.minus(FAILURE_WINDOW))
                .getSingleResult();
        if (recent >= MAX_FAILURES) {
            throw new ApiError(429, "too-many-attempts",
                    "Too many failed sign-ins for this account; try again in " + FAILURE_WINDOW.toMinutes() + " minutes");
        }
        if (!passwords.matches(password, account.passwordHash())) {
            em.persist(new LoginFailure(account.id(), now));
            throw invalid.get();
        }
        return account;
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
