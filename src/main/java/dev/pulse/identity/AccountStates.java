package dev.pulse.identity;

import com.github.benmanes.caffeine.cache.Cache;
import dev.pulse.identity.AccountState.AcademyMembership;
import dev.pulse.identity.AccountState.CohortMembership;
import dev.pulse.platform.cache.Caches;
import dev.pulse.platform.input.NumericId;
import dev.pulse.platform.security.AcademyCapabilities;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The state of accounts by id, remembered so that an authenticated request reads no account, role or
 * cohort row (docs/decisions/0006). An entry is forgotten when the transaction that changed the
 * account ends ({@link AccountChanged}), and in any case {@code PULSE_ACCOUNT_STATE_TTL} after it was
 * read, which bounds how long another instance's change goes unseen. An unknown account is never
 * remembered, so a new account needs no notice.
 * <p>Also answers platform's {@link AcademyCapabilities} port, through which every capability check
 * reads roles, from the same remembered state. Not transactional: a remembered answer costs no
 * transaction, and a read outside one is a plain read.
 */
@ApplicationScoped
public class AccountStates implements AcademyCapabilities {

    /** Accounts remembered at most; a state is well under a kilobyte. */
    static final int MAX_REMEMBERED = 10_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "PULSE_ACCOUNT_STATE_TTL", defaultValue = "PT4S")
    Duration timeToLive;

    private Cache<Long, AccountState> states;

    /** Whether each academy is active; an unknown academy is not remembered. */
    private Cache<Long, Boolean> academyActivity;

    @PostConstruct
    void prepare() {
        states = Caches.expiringAfterWrite(MAX_REMEMBERED, timeToLive, clock);
        academyActivity = Caches.expiringAfterWrite(MAX_REMEMBERED, timeToLive, clock);
    }

    /**
     * The account's state, read once and then remembered. The read runs inside the cache's computation
     * for that id, so a change that ends meanwhile waits for it and then forgets what it read.
     */
    public Optional<AccountState> byId(long id) {
        return Optional.ofNullable(states.get(id, this::load));
    }

    /** An account named by numeric id, email, uuid or urn:uuid:uuid; only a numeric id needs no read. */
    public Optional<AccountState> resolve(String reference) {
        String ref = reference == null ? "" : reference.trim();
        Optional<Long> id = NumericId.looksNumeric(ref) ? NumericId.parse(ref) : accounts.resolve(ref).map(Account::id);
        return id.flatMap(this::byId);
    }

    /** Like {@link #resolve} but a 404 in BreatheCode's words when nobody matches. */
    public AccountState require(String reference) {
        return resolve(reference).orElseThrow(() -> Accounts.userNotFound(reference));
    }

    @Override
    public List<Long> academiesOf(long accountId) {
        return byId(accountId).map(AccountState::academyIds).orElse(List.of());
    }

    @Override
    public boolean hasCapability(long accountId, long academyId, String capability) {
        return byId(accountId).map(s -> s.holds(academyId, capability)).orElse(false);
    }

    /** Nothing in Pulse switches an academy off yet; the time to live bounds how long it would go unseen. */
    @Override
    public boolean isInactive(long academyId) {
        Boolean active = academyActivity.get(academyId, id -> {
            Academy academy = em.find(Academy.class, id);
            return academy == null ? null : academy.isActive();
        });
        return active != null && !active;
    }

    /** Forgets the account once the transaction that changed it is over, committed or not. */
    void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) AccountChanged change) {
        states.invalidate(change.accountId());
    }

    /**
     * The academies the account belongs to, in id order, read from the {@code academy_membership} view,
     * which alone decides membership (docs/decisions/0017): its academy role there, else the student role
     * when it is only in a cohort of that academy.
     */
    private List<AcademyMembership> memberships(long accountId) {
        List<?> rows = em.createNativeQuery("""
                        select a.id, a.slug, a.name, a.active, m.role_slug from academy_membership m
                        join academy a on a.id = m.academy_id where m.account_id = ?1 order by a.id""")
                .setParameter(1, accountId).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(r -> {
                    AcademyRole role = em.find(AcademyRole.class, (String) r[4]);
                    return new AcademyMembership(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                            (Boolean) r[3], role.slug(), role.capabilities());
                })
                .toList();
    }

    /** The account with its academies (by role or through a cohort) and cohorts, or null when there is no such account. */
    AccountState load(long id) {
        Account account = em.find(Account.class, id);
        if (account == null) {
            return null;
        }
        List<AcademyMembership> academies = memberships(id);
        List<CohortMembership> cohorts = em.createQuery("""
                        select m from CohortMember m join fetch m.cohort where m.account.id = :account
                        order by m.cohort.id""", CohortMember.class)
                .setParameter("account", id).getResultList().stream()
                .map(m -> new CohortMembership(m.cohort().id(), m.cohort().slug(), m.cohort().name(), m.role().name()))
                .toList();
        return new AccountState(account.id(), account.uuid(), account.email(), account.username(),
                account.firstName(), account.lastName(), account.isPlatformAdmin(), account.isActive(),
                account.tokenVersion(), academies, cohorts);
    }
}
