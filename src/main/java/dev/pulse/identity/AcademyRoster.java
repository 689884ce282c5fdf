package dev.pulse.identity;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.FieldMessages;
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

/** Academies, who belongs to them in which role, and what each role may do. */
@ApplicationScoped
@Transactional
public class AcademyRoster {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Event<AccountChanged> changes;

    @Inject
    Clock clock;

    public Academy createAcademy(String slug, String name) {
        SlugAndName.check(slug, Academy.MAX_SLUG, name, Academy.MAX_NAME);
        Academy academy = new Academy(slug, name, clock.instant());
        try {
            em.persist(academy);
            em.flush();
        } catch (PersistenceException e) {
            throw UniqueViolation.constraintOf(e)
                    .map(c -> ApiError.invalid(Map.of("slug", List.of("academy with this slug already exists."))))
                    .orElseThrow(() -> e);
        }
        return academy;
    }

    public Academy requireAcademy(long id) {
        return Optional.ofNullable(em.find(Academy.class, id))
                .orElseThrow(() -> ApiError.notFound("academy-not-found", "Academy " + id + " not found"));
    }

    public List<AcademyRole> roles() {
        return em.createQuery("select r from AcademyRole r order by r.slug", AcademyRole.class).getResultList();
    }

    /** Gives the account its role in the academy, replacing an earlier role. */
    public AcademyMember addMember(long academyId, String userReference, String roleSlug) {
        Academy academy = requireAcademy(academyId);
        AcademyRole role = requireRole(roleSlug);
        Account account = accounts.requireField("user_id", userReference);
        // one row per (academy, account), decided by the unique key
        em.createNativeQuery("""
                insert into academy_member (academy_id, account_id, role_slug, created_at) values (?1, ?2, ?3, ?4)
                on conflict (academy_id, account_id) do update set role_slug = excluded.role_slug""")
                .setParameter(1, academy.id()).setParameter(2, account.id())
                .setParameter(3, role.slug()).setParameter(4, clock.instant())
                .executeUpdate();
        changes.fire(new AccountChanged(account.id()));
        return membership(account.id(), academy.id()).orElseThrow();
    }

    private AcademyRole requireRole(String roleSlug) {
        AcademyRole role = roleSlug == null ? null : em.find(AcademyRole.class, roleSlug);
        if (role == null) {
            throw ApiError.invalid(Map.of("role", List.of(roleSlug == null ? FieldMessages.BREATHECODE.required()
                    : "Unknown role '" + roleSlug + "'; see GET /v1/admin/roles")));
        }
        return role;
    }

    /**
     * Changes the role of an existing member. Capabilities are read from the account's remembered state
     * on every request, so the change needs no token revocation: it holds on this instance at once and
     * on the others within the state's time to live.
     */
    public AcademyMember changeRole(long academyId, String userReference, String roleSlug) {
        Academy academy = requireAcademy(academyId);
        AcademyRole role = requireRole(roleSlug);
        Account account = accounts.require(userReference);
        int updated = em.createNativeQuery(
                        "update academy_member set role_slug = ?1 where academy_id = ?2 and account_id = ?3")
                .setParameter(1, role.slug()).setParameter(2, academy.id()).setParameter(3, account.id())
                .executeUpdate();
        if (updated == 0) {
            throw memberNotFound(academy.id(), userReference);
        }
        changes.fire(new AccountChanged(account.id()));
        return membership(account.id(), academy.id()).orElseThrow();
    }

    /** Takes the account out of the academy; like a role change, effective without revoking tokens. */
    public void removeMember(long academyId, String userReference) {
        Academy academy = requireAcademy(academyId);
        Account account = accounts.require(userReference);
        int removed = em.createNativeQuery("delete from academy_member where academy_id = ?1 and account_id = ?2")
                .setParameter(1, academy.id()).setParameter(2, account.id()).executeUpdate();
        if (removed == 0) {
            throw memberNotFound(academy.id(), userReference);
        }
        changes.fire(new AccountChanged(account.id()));
    }

    private static ApiError memberNotFound(long academyId, String userReference) {
        return ApiError.notFound("member-not-found", "User " + userReference + " is not a member of academy " + academyId);
    }

    public Optional<AcademyMember> membership(long accountId, long academyId) {
        return em.createQuery("""
                        select m from AcademyMember m where m.account.id = :account and m.academy.id = :academy""",
                        AcademyMember.class)
                .setParameter("account", accountId).setParameter("academy", academyId)
                .getResultStream().findFirst();
    }

    public List<AcademyMember> membersOf(long academyId) {
        return em.createQuery("""
                        select m from AcademyMember m join fetch m.account where m.academy.id = :academy
                        order by m.account.id""", AcademyMember.class)
                .setParameter("academy", academyId).getResultList();
    }
}
