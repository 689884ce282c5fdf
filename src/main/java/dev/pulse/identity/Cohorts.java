package dev.pulse.identity;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.NumericId;
import dev.pulse.platform.persistence.UniqueViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cohorts and who is in them. */
@ApplicationScoped
@Transactional
public class Cohorts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    AcademyRoster roster;

    @Inject
    Event<AccountChanged> changes;

    @Inject
    Clock clock;

    public Cohort create(String slug, String name, Long academyId, Integer currentDay) {
        SlugAndName.check(slug, Cohort.MAX_SLUG, name, Cohort.MAX_NAME);
        if (academyId == null) {
            throw FieldMessages.BREATHECODE.invalid("academy_id", FieldMessages.BREATHECODE.required());
        }
        if (currentDay != null && currentDay < 0) {
            throw FieldMessages.BREATHECODE.invalid("current_day",
                    FieldMessages.BREATHECODE.belowMin(0, Integer.MAX_VALUE));
        }
        Cohort cohort = new Cohort(slug, name, roster.requireAcademy(academyId), currentDay, clock.instant());
        try {
            em.persist(cohort);
            em.flush();
        } catch (PersistenceException e) {
            throw UniqueViolation.constraintOf(e)
                    .map(c -> ApiError.invalid(Map.of("slug", List.of("cohort with this slug already exists."))))
                    .orElseThrow(() -> e);
        }
        return cohort;
    }

    /** A cohort named by numeric id or slug. */
    public Optional<Cohort> resolve(String slugOrId) {
        if (slugOrId == null || slugOrId.isBlank()) {
            return Optional.empty();
        }
        String ref = slugOrId.trim();
        if (NumericId.looksNumeric(ref)) {
            return NumericId.parse(ref).map(id -> em.find(Cohort.class, id));
        }
        return em.createQuery("select c from Cohort c where c.slug = :slug", Cohort.class)
                .setParameter("slug", ref).getResultStream().findFirst();
    }

    public Cohort require(String slugOrId) {
        return resolve(slugOrId).orElseThrow(() ->
                ApiError.notFound("cohort-not-found", "Cohort " + slugOrId + " not found"));
    }

    /** Puts the account in the cohort with that role, replacing an earlier role. */
    public CohortMember addUser(String cohortRef, String userReference, String role) {
        Cohort cohort = require(cohortRef);
        CohortMember.Role parsed;
        try {
            parsed = CohortMember.Role.valueOf(role == null ? "" : role.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid(Map.of("role", List.of(role == null ? FieldMessages.BREATHECODE.required()
                    : "\"" + role + "\" is not a valid choice; use STUDENT, TEACHER or ASSISTANT.")));
        }
        Account account = accounts.requireField("user_id", userReference);
        em.createNativeQuery("""
                insert into cohort_member (cohort_id, account_id, role, created_at) values (?1, ?2, ?3, ?4)
                on conflict (cohort_id, account_id) do update set role = excluded.role""")
                .setParameter(1, cohort.id()).setParameter(2, account.id())
                .setParameter(3, parsed.name()).setParameter(4, clock.instant())
                .executeUpdate();
        changes.fire(new AccountChanged(account.id()));
        return membership(cohort.id(), account.id()).orElseThrow();
    }

    public Optional<CohortMember> membership(long cohortId, long accountId) {
        return em.createQuery("""
                        select m from CohortMember m where m.cohort.id = :cohort and m.account.id = :account""",
                        CohortMember.class)
                .setParameter("cohort", cohortId).setParameter("account", accountId)
                .getResultStream().findFirst();
    }

    /** The academy's cohorts, by slug. */
    public List<Cohort> ofAcademy(long academyId) {
        return em.createQuery("select c from Cohort c where c.academy.id = :academy order by c.slug", Cohort.class)
                .setParameter("academy", academyId).getResultList();
    }

    /**
     * The members of one of the academy's cohorts with their accounts, by account id. A cohort of another
     * academy is answered like one that does not exist.
     */
    public List<CohortMember> membersIn(long academyId, String cohortRef) {
        Cohort cohort = resolve(cohortRef).filter(c -> c.academy().id() == academyId).orElseThrow(() ->
                ApiError.notFound("cohort-not-found", "Cohort " + cohortRef + " not found"));
        return em.createQuery("""
                        select m from CohortMember m join fetch m.account where m.cohort.id = :cohort
                        order by m.account.id""", CohortMember.class)
                .setParameter("cohort", cohort.id()).getResultList();
    }

    /** The accounts in a cohort, whatever their role; for features that filter their own records by cohort. */
    public List<Long> memberAccountIds(long cohortId) {
        return em.createQuery("""
                        select m.account.id from CohortMember m where m.cohort.id = :cohort order by m.account.id""",
                        Long.class)
                .setParameter("cohort", cohortId).getResultList();
    }
}
