package dev.pulse.platform.security;

import dev.pulse.platform.api.ApiFamily;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which API families accept a token: its {@code aud} claim holds one value per family,
 * {@code pulse:breathecode}, {@code pulse:caliper}, {@code pulse:sunbird}, {@code pulse:live}. The
 * family a request is for comes from its path ({@link ApiFamily#forPath}), never from the token.
 * See {@code docs/decisions/0014-token-audience-per-api-family.md}.
 */
public final class TokenAudience {

    /** Accounts made by an administrator and API clients: every family. */
    public static final Set<ApiFamily> EVERY_FAMILY = Set.copyOf(EnumSet.allOf(ApiFamily.class));
    /** Accounts made by Live sign-up (a username, no email): Live only. */
    public static final Set<ApiFamily> LIVE_ONLY = Set.of(ApiFamily.LIVE);

    private static final String PREFIX = "pulse:";

    private TokenAudience() {
    }

    /** The {@code aud} value naming the family. */
    public static String of(ApiFamily family) {
        return PREFIX + family.name().toLowerCase(Locale.ROOT);
    }

    /** The {@code aud} claim of a token for these families, in a stable order. */
    static List<String> claim(Set<ApiFamily> families) {
        return EnumSet.copyOf(families).stream().map(TokenAudience::of).toList();
    }

    /**
     * Whether the verified token is for the family. A token issued before audiences existed has no
     * {@code aud}; what it was for is read from what the issuer always put in it: a user token whose
     * {@code upn} is a username, not an email, belongs to a Live account and is Live only; any other
     * is for every family, as it was when issued.
     */
    static boolean accepts(JsonWebToken token, ApiFamily family) {
        Set<String> audience = token.getAudience();
        if (audience == null || audience.isEmpty()) {
            return family == ApiFamily.LIVE || !isLiveAccountWithoutAudience(token);
        }
        return audience.contains(of(family));
    }

    private static boolean isLiveAccountWithoutAudience(JsonWebToken token) {
        Object upn = token.getClaim("upn");
        return Caller.KIND_USER.equals(token.getClaim(Caller.KIND)) && upn != null && !String.valueOf(upn).contains("@");
    }
}
