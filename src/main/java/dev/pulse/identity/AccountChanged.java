package dev.pulse.identity;

/**
 * An account, or one of its academy or cohort roles, was changed in the current transaction. Fired by
 * every identity write that changes what {@link AccountState} holds; {@link AccountStates} forgets the
 * account once the transaction is over, and a cluster-wide notice would observe the same event.
 */
public record AccountChanged(long accountId) {
}
