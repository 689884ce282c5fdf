package dev.pulse.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Pulse ships no password, secret or key that an operator could forget to change. */
class ShippedSecretsTest {

    private static final Pattern SECRET_KEY = Pattern.compile(".*(PASSWORD|SECRET|PRIVATE_KEY|PUSHER_KEY).*");

    @Test
    void theShippedConfigurationAndTheExampleEnvironmentGiveNoSecretAValue() throws IOException {
        for (Path file : List.of(Path.of("src/main/resources/META-INF/microprofile-config.properties"),
                Path.of("config/pulse.env.example"))) {
            Properties values = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                values.load(reader);
            }
            assertTrue(values.size() > 1, file + " was read");
            List<String> secrets = values.stringPropertyNames().stream()
                    .filter(key -> SECRET_KEY.matcher(key).matches())
                    .filter(key -> !values.getProperty(key).isBlank())
                    .sorted().toList();
            assertEquals(List.of(), secrets, file + " gives these secrets a value");
        }
    }
}
