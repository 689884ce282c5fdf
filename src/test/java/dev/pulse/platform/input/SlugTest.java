package dev.pulse.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlugTest {

    private static final String NOT_A_SLUG =
            "Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens.";

    @Test
    void slugsAreLowercaseDigitsUnderscoresAndHyphensUpTo200() {
        assertTrue(Slug.isSlug("todo-list_project-2"));
        assertTrue(Slug.isSlug("_draft"));
        assertTrue(Slug.isSlug("a".repeat(200)));
        assertFalse(Slug.isSlug("a".repeat(201)));
        assertFalse(Slug.isSlug("Intro"));
        assertFalse(Slug.isSlug("a b"));
        assertFalse(Slug.isSlug(""));
        assertFalse(Slug.isSlug(null));
        assertFalse(Slug.isSlug("é"));
    }

    @Test
    void aShorterColumnStatesItsOwnBound() {
        assertTrue(Slug.isSlug("a".repeat(100), 100));
        assertFalse(Slug.isSlug("a".repeat(101), 100));
        assertEquals(List.of("Ensure this field has no more than 100 characters."),
                Slug.problems("a".repeat(101), 100, FieldMessages.BREATHECODE));
        assertThrows(IllegalArgumentException.class, () -> Slug.problems("a", 201, FieldMessages.BREATHECODE));
    }

    @Test
    void patternAndLengthAreReportedApart() {
        assertEquals(List.of(), Slug.problems("a".repeat(200), FieldMessages.BREATHECODE));
        assertEquals(List.of(NOT_A_SLUG), Slug.problems("Intro_To_Python", FieldMessages.BREATHECODE));
        assertEquals(List.of(NOT_A_SLUG), Slug.problems(null, FieldMessages.BREATHECODE));
        assertEquals(List.of("Ensure this field has no more than 200 characters."),
                Slug.problems("a".repeat(201), FieldMessages.BREATHECODE));
        assertEquals(List.of(NOT_A_SLUG, "Ensure this field has no more than 200 characters."),
                Slug.problems("A".repeat(201), FieldMessages.BREATHECODE));
    }

    @Test
    void valuesTheCodeWritesMustBeSlugs() {
        assertEquals("mentor_session", Slug.require("mentor_session", "PULSE_ACTIVITY_SLUGS"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Slug.require("Bad Slug", "PULSE_ACTIVITY_SLUGS"));
        assertEquals("PULSE_ACTIVITY_SLUGS must be a slug of at most 200 characters: 'Bad Slug'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Slug.require("a".repeat(101), 100, "slug"));
    }
}
