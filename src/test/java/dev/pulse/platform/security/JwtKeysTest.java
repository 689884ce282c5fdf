package dev.pulse.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void aGeneratedPairIsWrittenOnceAndReadBackOnTheNextStart() throws Exception {
        JwtKeys first = JwtKeys.load(null, null, dataDir);
        JwtKeys second = JwtKeys.load(null, null, dataDir);
        assertEquals(first.publicKey(), second.publicKey());
        assertEquals(first.privateKey(), second.privateKey());
        Path privateFile = dataDir.resolve("keys").resolve(JwtKeys.PRIVATE_FILE);
        assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(privateFile));
    }

    @Test
    void configuredPemFilesWinOverTheDataDirectory() throws Exception {
        JwtKeys generated = JwtKeys.load(null, null, dataDir);
        Path keys = dataDir.resolve("keys");
        JwtKeys configured = JwtKeys.load(keys.resolve(JwtKeys.PRIVATE_FILE).toString(),
                Files.readString(keys.resolve(JwtKeys.PUBLIC_FILE)), Path.of("/nonexistent"));
        assertEquals(generated.publicKey(), configured.publicKey());
    }

    @Test
    void halfAConfiguredPairIsRefused() {
        assertThrows(IllegalStateException.class, () -> JwtKeys.load("/some/private.pem", null, dataDir));
    }

    @Test
    void theToStringNeverShowsThePrivateKey() {
        JwtKeys keys = JwtKeys.load(null, null, dataDir);
        assertTrue(keys.toString().startsWith("JwtKeys[public key only"));
    }
}
