package dev.pulse.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pulse.platform.api.ApiError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlugAndNameTest {

    private static Map<String, List<String>> problems(String slug, String name) {
        return assertThrows(ApiError.class, () -> SlugAndName.check(slug, Academy.MAX_SLUG, name, Academy.MAX_NAME))
                .fieldErrors();
    }

    @Test
    void aSlugAndANameThatFitTheirColumnsPass() {
        SlugAndName.check("downtown-miami", Academy.MAX_SLUG, " Downtown Miami ", Academy.MAX_NAME);
        SlugAndName.check("a".repeat(Academy.MAX_SLUG), Academy.MAX_SLUG, "n".repeat(Academy.MAX_NAME),
                Academy.MAX_NAME);
    }

    @Test
    void bothAreReportedAtOnce() {
        assertEquals(Map.of("slug", List.of("This field is required."), "name", List.of("This field is required.")),
                problems(null, " "));
    }

    @Test
    void aSlugIsLowercaseAndFitsItsColumn() {
        assertEquals(List.of("Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens."),
                problems("Downtown Miami", "x").get("slug"));
        assertEquals(List.of("Ensure this field has no more than 100 characters."),
                problems("a".repeat(101), "x").get("slug"));
    }

    @Test
    void aNameFitsItsColumn() {
        assertEquals(List.of("Ensure this field has no more than 200 characters."),
                problems("ok", "n".repeat(201)).get("name"));
    }
}
