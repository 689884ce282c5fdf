package dev.pulse.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NumericIdTest {

    @Test
    void anIdIsUpToEighteenDigitsAndPositive() {
        assertEquals(Optional.of(42L), NumericId.parse("42"));
        assertEquals(Optional.of(999_999_999_999_999_999L), NumericId.parse("999999999999999999"));
        for (String bad : new String[] {null, "", "0", "-1", "+1", " 1", "1.0", "1e3", "abc",
                "9999999999999999999", "1234567890123456789"}) {
            assertTrue(NumericId.parse(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void numericLookingTextIsAllDigits() {
        assertTrue(NumericId.looksNumeric("0"));
        assertTrue(NumericId.looksNumeric("99999999999999999999"));
        assertFalse(NumericId.looksNumeric("a1"));
        assertFalse(NumericId.looksNumeric(""));
        assertFalse(NumericId.looksNumeric(null));
    }
}
