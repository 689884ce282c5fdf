package dev.pulse.platform.security;

import java.util.List;

/**
 * What the capability check needs to know about academies and their members. Platform depends on no
 * feature, so it declares this port and identity, which keeps academies, roles and memberships,
 * implements it as a CDI bean ({@code dev.pulse.identity.AccountStates}) from remembered account state.
 */
public interface AcademyCapabilities {

    /** True when the academy exists and is switched off; an unknown academy is not inactive. */
    boolean isInactive(long academyId);

    /** True when the account's role in the (active) academy grants the capability. */
    boolean hasCapability(long accountId, long academyId, String capability);

    /** The ids of the academies the account belongs to, in id order. */
    List<Long> academiesOf(long accountId);
}
