package dev.pulse.platform.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Folders of test data under src/test/resources, found on the test class path (so a fresh clone has them). */
public final class TestResources {

    private TestResources() {
    }

    /** A folder of the test class path, e.g. {@code caliper-fixtures}; tests list and read its files. */
    public static Path folder(String name) {
        URL url = TestResources.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("no test resource folder " + name + " on the class path");
        }
        try {
            Path folder = Path.of(url.toURI());
            if (!Files.isDirectory(folder)) {
                throw new IllegalStateException(name + " is not a folder: " + folder);
            }
            return folder;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
