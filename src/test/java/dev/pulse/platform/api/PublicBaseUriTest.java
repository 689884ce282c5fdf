package dev.pulse.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PublicBaseUriTest {

    @Test
    void aPublicUrlIsABaseThatPathsResolveUnder() {
        assertEquals(URI.create("https://pulse.example.org/"), PublicBaseUri.checked("https://pulse.example.org"));
        assertEquals(URI.create("https://example.org/pulse/"), PublicBaseUri.checked("https://example.org/pulse"));
        assertEquals(URI.create("https://example.org/pulse/live/maps/1"),
                PublicBaseUri.checked("https://example.org/pulse").resolve("live/maps/1"));
    }

    @Test
    void aPublicUrlThatIsNotAnAbsoluteHttpUrlFailsTheDeployment() {
        for (String bad : new String[] {"pulse.example.org", "ftp://example.org/", "https://example.org/?a=1",
                "https://user@example.org/", "https://example.org/#top", "http://exa mple.org/"}) {
            assertThrows(IllegalArgumentException.class, () -> PublicBaseUri.checked(bad), bad);
        }
    }
}
