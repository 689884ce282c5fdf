package dev.pulse.activity;

import dev.pulse.platform.input.JsonBodies;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The wire form of activities, coding errors, pages and report lines (BreatheCode's snake_case fields). */
final class ActivityJson {

    private static final JsonBuilderFactory BUILDERS = JsonBodies.provider().createBuilderFactory(Map.of());

    private ActivityJson() {
    }

    static JsonObject activity(Activity a) {
        JsonObjectBuilder o = BUILDERS.createObjectBuilder()
                .add("id", a.id())
                .add("slug", a.slug())
                .add("user_id", a.userId());
        optional(o, "email", a.email());
        optional(o, "cohort", a.cohort());
        if (a.academyId() != null) {
            o.add("academy_id", a.academyId());
        } else {
            o.addNull("academy_id");
        }
        if (a.day() != null) {
            o.add("day", a.day());
        } else {
            o.addNull("day");
        }
        o.add("data", data(a.data()));
        optional(o, "user_agent", a.userAgent());
        return o.add("created_at", DateTimeFormatter.ISO_INSTANT.format(a.createdAt())).build();
    }

    static JsonObject codingError(CodingError e) {
        JsonObjectBuilder o = BUILDERS.createObjectBuilder()
                .add("id", e.id())
                .add("user_id", e.userId());
        optional(o, "email", e.email());
        o.add("slug", e.slug())
                .add("data", data(e.data()))
                .add("message", e.message())
                .add("name", e.name());
        if (e.severity() != null) {
            o.add("severity", e.severity());
        } else {
            o.addNull("severity");
        }
        optional(o, "details", e.details());
        optional(o, "user_agent", e.userAgent());
        return o.add("created_at", DateTimeFormatter.ISO_INSTANT.format(e.createdAt())).build();
    }

    static <T> JsonValue list(List<T> items, Function<T, JsonObject> render) {
        JsonArrayBuilder array = BUILDERS.createArrayBuilder();
        items.forEach(item -> array.add(render.apply(item)));
        return array.build();
    }

    /** The paginated form: the page, the URL of the next one and its bare cursor (both null on the last page). */
    static JsonObject page(JsonValue results, String nextUrl, String cursor) {
        JsonObjectBuilder o = BUILDERS.createObjectBuilder().add("results", results);
        optional(o, "next", nextUrl);
        optional(o, "cursor", cursor);
        return o.build();
    }

    static JsonValue report(List<ActivityStore.Count> counts, ActivityStore.Grouping by) {
        String key = by == ActivityStore.Grouping.SLUG ? "slug" : "day";
        JsonArrayBuilder array = BUILDERS.createArrayBuilder();
        counts.forEach(c -> array.add(BUILDERS.createObjectBuilder().add(key, c.key()).add("count", c.count())));
        return array.build();
    }

    /** Stored JSON text back to JSON: the object or array the client encoded, or the plain string. */
    private static JsonValue data(String text) {
        if (text == null) {
            return JsonValue.NULL;
        }
        return JsonBodies.parse(new StringReader(text)).orElseGet(() -> JsonBodies.provider().createValue(text));
    }

    private static void optional(JsonObjectBuilder o, String name, String value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, value);
        }
    }
}
