package dev.pulse.identity;

import dev.pulse.platform.api.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a sign-in attempt may check its password, decided in the database before the check
 * (docs/decisions/0013). Each attempt is counted by one conditional upsert, so parallel guesses are
 * serialised by the row and no more than the limit are ever checked, on any number of instances:
 * <ul>
 * <li>per login and client address: {@value #MAX_FAILURES} attempts in a {@link #WINDOW} window, then
 * 429 until the window ends. A right password gives its attempt back, so the count is of failures.
 * Another address is not affected, so a stranger cannot lock the owner out;</li>
 * <li>per login from every address: above {@code PULSE_SIGNIN_ACCOUNT_CEILING} attempts in the window,
 * one attempt is checked per {@code PULSE_SIGNIN_PACE}, the others are 429 until the next slot.
 * This slows guessing from many addresses without ever locking the account.</li>
 * </ul>
 * A login is {@code account:<id>} for an existing account and the name given otherwise, so an unknown
 * name is counted, and answered, exactly like an account. Each decision commits in its own short
 * transaction, so no row is locked while a password is being hashed.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** The address of the account-wide row. */
    static final String EVERY_ADDRESS = "*";
    /** Expired rows one attempt deletes, so the table holds about one window's rows. */
    private static final int EXPIRED_PER_ATTEMPT = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "PULSE_SIGNIN_ACCOUNT_CEILING", defaultValue = "50")
    int ceiling;

    @Inject
    @ConfigProperty(name = "PULSE_SIGNIN_PACE", defaultValue = "PT5S")
    Duration pace;

    /** An attempt that may check its password; give it back with {@link #succeeded} when it was right. */
    public record Attempt(String login, String address) {
    }

    /** The login under which attempts on an account, or on a name that is no account, are counted. */
    static String loginOf(Account account, String nameGiven) {
        return account != null ? "account:" + account.id()
                : "name:" + (nameGiven == null ? "" : nameGiven.trim().toLowerCase());
    }

    /** Counts the attempt and lets it through, or answers 429 with Retry-After without checking anything. */
    @Transactional(value = TxType.REQUIRES_NEW, dontRollbackOn = ApiError.class)
    public Attempt admit(String login, String clientAddress) {
        String key = login.length() > 300 ? login.substring(0, 300) : login;
        String address = clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        forgetExpired(since);
        Object[] fromAddress = (Object[]) em.createNativeQuery("""
                insert into signin_attempt as a (login, address, attempts, window_start) values (?1, ?2, 1, ?3)
                on conflict (login, address) do update set
                  attempts = case when a.window_start <= ?4 then 1 else a.attempts + 1 end,
                  window_start = case when a.window_start <= ?4 then ?3 else a.window_start end
                returning attempts, cast(ceil(extract(epoch from (window_start - cast(?4 as timestamptz)))) as bigint)""")
                .setParameter(1, key).setParameter(2, address).setParameter(3, now).setParameter(4, since)
                .getSingleResult();
        if (((Number) fromAddress[0]).intValue() > MAX_FAILURES) {
            throw ApiError.tooManyRequests("too-many-attempts", "Too many failed sign-ins for this account; try again in "
                    + WINDOW.toMinutes() + " minutes", ((Number) fromAddress[1]).longValue());
        }
        UUID me = UUID.randomUUID();
        Object[] everywhere = (Object[]) em.createNativeQuery("""
                insert into signin_attempt as a (login, address, attempts, window_start) values (?1, '*', 1, ?2)
                on conflict (login, address) do update set
                  attempts = case when a.window_start <= ?3 then 1 else a.attempts + 1 end,
                  window_start = case when a.window_start <= ?3 then ?2 else a.window_start end,
                  paced_by = case when a.window_start > ?3 and a.attempts >= ?4
                                   and (a.next_paced_at is null or a.next_paced_at <= ?2) then cast(?5 as uuid) end,
                  next_paced_at = case when a.window_start <= ?3 then null
                                   when a.attempts >= ?4 and (a.next_paced_at is null or a.next_paced_at <= ?2) then ?6
                                   else a.next_paced_at end
                returning attempts, coalesce(paced_by = cast(?5 as uuid), false),
                  cast(ceil(extract(epoch from (coalesce(next_paced_at, ?2) - cast(?2 as timestamptz)))) as bigint)""")
                .setParameter(1, key).setParameter(2, now).setParameter(3, since).setParameter(4, ceiling)
                .setParameter(5, me.toString()).setParameter(6, now.plus(pace))
                .getSingleResult();
        boolean belowCeiling = ((Number) everywhere[0]).intValue() <= ceiling;
        if (!belowCeiling && !Boolean.TRUE.equals(everywhere[1])) {
            giveBack(key, address);
            throw ApiError.tooManyRequests("sign-in-paced", "Sign-in to this account is slowed down after many failed "
                    + "attempts; try again in " + Math.max(1, ((Number) everywhere[2]).longValue()) + " seconds",
                    ((Number) everywhere[2]).longValue());
        }
        return new Attempt(key, address);
    }

    /** The password was right: the attempt does not count as a failure, from its address or overall. */
    @Transactional(TxType.REQUIRES_NEW)
    public void succeeded(Attempt attempt) {
        giveBack(attempt.login(), attempt.address());
        giveBack(attempt.login(), EVERY_ADDRESS);
    }

    private void giveBack(String login, String address) {
        em.createNativeQuery("""
                update signin_attempt set attempts = greatest(attempts - 1, 0) where login = ?1 and address = ?2""")
                .setParameter(1, login).setParameter(2, address).executeUpdate();
    }

    /** Rows whose window is over count nothing; a few go with each attempt, skipping any in use. */
    private void forgetExpired(Instant since) {
        em.createNativeQuery("""
                delete from signin_attempt where ctid in (select ctid from signin_attempt where window_start <= ?1
                  limit ?2 for update skip locked)""")
                .setParameter(1, since).setParameter(2, EXPIRED_PER_ATTEMPT).executeUpdate();
    }
}
