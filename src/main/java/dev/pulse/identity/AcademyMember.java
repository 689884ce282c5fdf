package dev.pulse.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** An account's role in an academy; one per account and academy. */
@Entity
@Table(name = "academy_member")
public class AcademyMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "academy_id")
    private Academy academy;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;

    @ManyToOne(optional = false)
    @JoinColumn(name = "role_slug")
    private AcademyRole role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AcademyMember() {
    }

    AcademyMember(Academy academy, Account account, AcademyRole role, Instant createdAt) {
        this.academy = Objects.requireNonNull(academy);
        this.account = Objects.requireNonNull(account);
        this.role = Objects.requireNonNull(role);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Academy academy() {
        return academy;
    }

    public Account account() {
        return account;
    }

    public AcademyRole role() {
        return role;
    }
}
