package dev.pulse.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RS256 key pair tokens are signed and verified with. Taken from {@code PULSE_JWT_PRIVATE_KEY}
 * and {@code PULSE_JWT_PUBLIC_KEY} (PEM file paths or PEM text) when set; otherwise generated once
 * into {@code PULSE_DATA_DIR/keys} and read back on every later start, so tokens survive restarts.
 */
public record JwtKeys(RSAPrivateKey privateKey, RSAPublicKey publicKey, String publicPem) {

    static final String PRIVATE_FILE = "jwt-private.pem";
    static final String PUBLIC_FILE = "jwt-public.pem";

    private static volatile JwtKeys current;

    /** The key pair of this process, loaded (or generated) on first use. */
    public static JwtKeys current() {
        JwtKeys keys = current;
        if (keys == null) {
            synchronized (JwtKeys.class) {
                if (current == null) {
                    current = load(setting("PULSE_JWT_PRIVATE_KEY"), setting("PULSE_JWT_PUBLIC_KEY"),
                            Path.of(setting("PULSE_DATA_DIR") == null ? "./data" : setting("PULSE_DATA_DIR")));
                }
                keys = current;
            }
        }
        return keys;
    }

    /** A setting read before MicroProfile Config exists (a ConfigSource must not ask Config). */
    static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value;
    }

    static JwtKeys load(String privateSetting, String publicSetting, Path dataDir) {
        try {
            if (privateSetting != null && publicSetting != null) {
                return fromPem(pemText(privateSetting), pemText(publicSetting));
            }
            if (privateSetting != null || publicSetting != null) {
                throw new IllegalStateException("Set both PULSE_JWT_PRIVATE_KEY and PULSE_JWT_PUBLIC_KEY, or neither");
            }
            Path dir = dataDir.resolve("keys");
            if (!Files.exists(dir.resolve(PUBLIC_FILE))) {
                generateInto(dir);
            }
            return fromPem(Files.readString(dir.resolve(PRIVATE_FILE)), Files.readString(dir.resolve(PUBLIC_FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the JWT key pair", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JWT key pair is not a valid RSA PEM pair", e);
        }
    }

    private static String pemText(String setting) throws IOException {
        return setting.startsWith("-----BEGIN") ? setting : Files.readString(Path.of(setting));
    }

    /** Writes a new pair into a scratch folder and renames it into place, so concurrent starts agree on one pair. */
    private static void generateInto(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir.getParent());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path scratch = Files.createTempDirectory(dir.getParent(), "keys-");
        Files.writeString(scratch.resolve(PRIVATE_FILE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(scratch.resolve(PUBLIC_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        // on a non-POSIX file system the data directory's own permissions protect the key
        if (scratch.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(scratch.resolve(PRIVATE_FILE), PosixFilePermissions.fromString("rw-------"));
        }
        try {
            Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
            // another instance won the race; use its pair
            deleteQuietly(scratch);
        }
    }

    private static void deleteQuietly(Path scratch) throws IOException {
        try (var files = Files.list(scratch)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(scratch);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    static JwtKeys fromPem(String privatePem, String publicPem) throws GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateKey priv = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem)));
        RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der(publicPem)));
        return new JwtKeys(priv, pub, publicPem.trim());
    }

    @Override
    public String toString() {
        return "JwtKeys[public key only: " + publicKey.getModulus().bitLength() + " bit]";
    }
}
