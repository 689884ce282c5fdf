package dev.pulse.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting the code reads is in the README's configuration table, so an operator never has
 * to read source to learn a key exists.
 */
class ConfigurationDocumentedTest {

    /** How code names a setting: MP Config injection and lookups (PulseDataSource's too), the launcher's lookup. */
    private static final List<Pattern> READS = List.of(
            Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([A-Z][A-Z0-9_]+)\""),
            Pattern.compile("getOptionalValue\\(\\s*\"([A-Z][A-Z0-9_]+)\""),
            Pattern.compile("getValue\\(\\s*\"([A-Z][A-Z0-9_]+)\""),
            Pattern.compile("setting\\(\\s*\"([A-Z][A-Z0-9_]+)\""));

    @Test
    void everySettingTheCodeReadsIsInTheReadmeTable() throws IOException {
        Set<String> read = settingsReadBy(Path.of("src/main"));
        String table = configurationTable(Files.readString(Path.of("README.md")));
        Set<String> missing = new TreeSet<>();
        for (String key : read) {
            if (!table.contains("`" + key + "`")) {
                missing.add(key);
            }
        }
        assertTrue(read.size() > 20, "the scan found the settings: " + read);
        assertEquals(Set.of(), missing, "settings read by the code but missing from the README's configuration table");
    }

    private static Set<String> settingsReadBy(Path root) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".xml")).toList()) {
                String text = Files.readString(file);
                for (Pattern p : READS) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        return keys;
    }

    private static String configurationTable(String readme) {
        int start = readme.indexOf("## Configuration");
        assertTrue(start >= 0, "the README has a Configuration section");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
