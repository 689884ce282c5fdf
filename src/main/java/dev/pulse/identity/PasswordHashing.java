package dev.pulse.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/** Jakarta Security's PBKDF2 (salted, 100k iterations of HMAC-SHA256) for passwords and client secrets. */
@ApplicationScoped
public class PasswordHashing {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** A real hash to compare against when the account does not exist, so both paths cost the same. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "100000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate("decoy-password".toCharArray());
    }

    public String hash(String secret) {
        return pbkdf2.generate(secret.toCharArray());
    }

    public boolean matches(String secret, String hash) {
        return secret != null && pbkdf2.verify(secret.toCharArray(), hash);
    }

    /** Spends the time of one verification without an account, against timing probes for emails. */
    public void spendVerificationTime(String secret) {
        pbkdf2.verify(secret == null ? new char[0] : secret.toCharArray(), decoy);
    }
}
