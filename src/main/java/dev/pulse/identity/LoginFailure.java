package dev.pulse.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One wrong password for an account; counted over a sliding window to throttle guessing. */
@Entity
@Table(name = "login_failure")
class LoginFailure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "failed_at", nullable = false)
    private Instant failedAt;

    protected LoginFailure() {
    }

    LoginFailure(long accountId, Instant failedAt) {
        this.accountId = accountId;
        this.failedAt = failedAt;
    }
}
