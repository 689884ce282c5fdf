package dev.pulse.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UrnUuidTest {

    private static final UUID ID = UUID.fromString("7f6c1f1e-8d57-4c0f-9d0e-3f1a6b1d2c3e");

    @Test
    void aUrnUuidIsTheLowercasePrefixAndACanonicalUuid() {
        assertEquals(Optional.of(new UrnUuid(ID)), UrnUuid.parse("urn:uuid:7f6c1f1e-8d57-4c0f-9d0e-3f1a6b1d2c3e"));
        assertEquals(Optional.of(new UrnUuid(ID)), UrnUuid.parse("urn:uuid:7F6C1F1E-8D57-4C0F-9D0E-3F1A6B1D2C3E"));
        assertEquals("urn:uuid:7f6c1f1e-8d57-4c0f-9d0e-3f1a6b1d2c3e", new UrnUuid(ID).toString());
    }

    @Test
    void anythingElseIsNotAUrnUuid() {
        for (String bad : new String[] {null, "", "7f6c1f1e-8d57-4c0f-9d0e-3f1a6b1d2c3e",
                "URN:UUID:7f6c1f1e-8d57-4c0f-9d0e-3f1a6b1d2c3e", " urn:uuid:7f6c1f1e-8d57-4c0f-9d0e-3f1a6b1d2c3e",
                "urn:uuid:7f6c1f1e8d574c0f9d0e3f1a6b1d2c3e----", "urn:uuid:1-1-1-1-1",
                "urn:uuid:7f6c1f1e-8d57-4c0f-9d0e-3f1a6b1d2c3g", "https://example.edu/apps/1"}) {
            assertFalse(UrnUuid.isUrnUuid(bad), String.valueOf(bad));
            assertTrue(UrnUuid.parse(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void aReferenceNamesAUuidWithOrWithoutThePrefix() {
        assertEquals(Optional.of(ID), UrnUuid.uuidOf("urn:uuid:7f6c1f1e-8d57-4c0f-9d0e-3f1a6b1d2c3e"));
        assertEquals(Optional.of(ID), UrnUuid.uuidOf(" URN:UUID:7F6C1F1E-8D57-4C0F-9D0E-3F1A6B1D2C3E "));
        assertEquals(Optional.of(ID), UrnUuid.uuidOf("7f6c1f1e-8d57-4c0f-9d0e-3f1a6b1d2c3e"));
        assertTrue(UrnUuid.uuidOf("ada@example.com").isEmpty());
        assertTrue(UrnUuid.uuidOf("1-1-1-1-1").isEmpty());
        assertTrue(UrnUuid.uuidOf("42").isEmpty());
        assertTrue(UrnUuid.uuidOf(null).isEmpty());
    }

    @Test
    void aRandomUrnUuidParsesBack() {
        UrnUuid urn = UrnUuid.random();
        assertEquals(Optional.of(urn), UrnUuid.parse(urn.toString()));
    }
}
