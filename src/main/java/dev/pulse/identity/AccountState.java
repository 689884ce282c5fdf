package dev.pulse.identity;

import dev.pulse.platform.api.ApiError;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What requests need to know about an account, remembered between requests by {@link AccountStates}:
 * who it is, whether it is active, the version its tokens must carry (docs/decisions/0013), its
 * academies and cohorts. Never a password hash or any other secret. {@code academies} is every academy
 * the account belongs to: by its academy role there, or, without one, through a cohort of the academy
 * with the student role (docs/decisions/0017); every membership and capability check reads it.
 */
public record AccountState(long id, UUID uuid, String email, String username, String firstName, String lastName,
        boolean platformAdmin, boolean active, int tokenVersion, List<AcademyMembership> academies,
        List<CohortMembership> cohorts) {

    /** The account's role in an academy (one per academy; student when through a cohort only) with what it grants. */
    public record AcademyMembership(long academyId, String slug, String name, boolean academyActive, String role,
            Set<String> capabilities) {

        public AcademyMembership {
            capabilities = Collections.unmodifiableSortedSet(new TreeSet<>(capabilities));
        }
    }

    /** The account's role in a cohort. */
    public record CohortMembership(long cohortId, String slug, String name, String role) {
    }

    public AccountState {
        Objects.requireNonNull(uuid, "uuid");
        academies = List.copyOf(academies);
        cohorts = List.copyOf(cohorts);
    }

    /** "First Last", or the username when no name was given. */
    public String displayName() {
        return Account.displayName(firstName, lastName, username);
    }

    public Optional<AcademyMembership> membershipIn(long academyId) {
        for (AcademyMembership m : academies) {
            if (m.academyId() == academyId) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public boolean isMemberOf(long academyId) {
        return membershipIn(academyId).isPresent();
    }

    /**
     * A 403 unless the account belongs to the academy: an account that exists is never answered as
     * unknown because it is outside an academy.
     */
    public void requireMemberOf(long academyId) {
        if (!isMemberOf(academyId)) {
            throw new ApiError(403, null, "User " + id + " does not belong to academy " + academyId);
        }
    }

    /** The ids of the academies the account belongs to, in id order. */
    public List<Long> academyIds() {
        return academies.stream().map(AcademyMembership::academyId).toList();
    }

    /** The account's role in the academy grants the capability, and the academy is active. */
    public boolean holds(long academyId, String capability) {
        return membershipIn(academyId)
                .filter(m -> m.academyActive() && m.capabilities().contains(capability))
                .isPresent();
    }
}
