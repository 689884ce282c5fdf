package dev.pulse.platform.security;

import java.util.Optional;

/**
 * Long-lived API keys that an administrator issues to an API client (docs/decisions/0018): accepted
 * wherever the client's token is, until revoked. A key reads {@code pulse_<key id>.<secret>}, so
 * {@link CallerFilter} tells it from a JWT by its prefix; identity keeps the keys and implements the
 * check from remembered state. Platform, which reads every credential, depends on no feature.
 */
public interface ApiKeys {

    /** What every key starts with; a JWT never does (its first part is base64url of "{"). */
    String PREFIX = "pulse_";

    /** Whether a credential is meant as an API key rather than a token. */
    static boolean isApiKey(String credential) {
        return credential != null && credential.startsWith(PREFIX);
    }

    /**
     * The client a presented key belongs to and the client's token version it was issued under; empty
     * when it is malformed, unknown, revoked or its secret does not match. Whether the client is still
     * enabled and holds that version is {@link TokenVersions}' check, as for a client token.
     */
    Optional<KeyHolder> holderOf(String key);

    record KeyHolder(String clientId, int tokenVersion) {
    }
}
