package dev.pulse.platform.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token {@link TokenValidation} verified, with its claims typed as MicroProfile JWT hands them out:
 * the standard claims of type long ({@code exp}, {@code iat}, ...) as {@code Long}, those of type set
 * ({@code aud}, {@code groups}) as a set of strings, any other text as {@code String}, and every other
 * value (numbers such as {@code account_id} and {@code ver}, objects, arrays) as its JSON-P value.
 */
final class VerifiedToken implements JsonWebToken {

    private final JsonObject claims;
    private final String name;

    VerifiedToken(JsonObject claims) {
        this.claims = claims;
        this.name = holder(claims);
    }

    /** Who the token names: {@code upn}, else {@code preferred_username}, else {@code sub}; null when none. */
    static String holder(JsonObject claims) {
        for (String claim : new String[] {"upn", "preferred_username", "sub"}) {
            if (claims.get(claim) instanceof JsonString text) {
                return text.getString();
            }
        }
        return null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claim) {
        JsonValue value = claims.get(claim);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Class<?> type = standardType(claim);
        if (type == Long.class && value instanceof JsonNumber number) {
            return (T) Long.valueOf(number.longValue());
        }
        if (type == Set.class) {
            if (value instanceof JsonString single) {
                return (T) Collections.singleton(single.getString());
            }
            if (value instanceof JsonArray array) {
                Set<String> texts = new LinkedHashSet<>();
                array.getValuesAs(JsonString.class).forEach(text -> texts.add(text.getString()));
                return (T) Collections.unmodifiableSet(texts);
            }
        }
        if (value instanceof JsonString text) {
            return (T) text.getString();
        }
        return (T) value;
    }

    private static Class<?> standardType(String claim) {
        for (Claims standard : Claims.values()) {
            if (standard.name().equals(claim)) {
                return standard.getType();
            }
        }
        return Object.class;
    }

    @Override
    public String toString() {
        return "VerifiedToken[" + name + "]";
    }
}
