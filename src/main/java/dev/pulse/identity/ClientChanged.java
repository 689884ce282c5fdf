package dev.pulse.identity;

/**
 * An API client was disabled, enabled or given a new secret in the current transaction;
 * {@link ClientStates} forgets it once the transaction is over.
 */
public record ClientChanged(String clientId) {
}
