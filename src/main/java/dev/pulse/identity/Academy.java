package dev.pulse.identity;

import dev.pulse.platform.input.Slug;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A school: the scope of roles, capabilities and cohorts. */
@Entity
@Table(name = "academy")
public class Academy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The sizes of the slug and name columns. */
    static final int MAX_SLUG = 100;
    static final int MAX_NAME = 200;

    @Column(nullable = false, unique = true, length = MAX_SLUG)
    private String slug;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Academy() {
    }

    public Academy(String slug, String name, Instant createdAt) {
        this.slug = Slug.require(slug, MAX_SLUG, "slug");
        this.name = Objects.requireNonNull(name, "name").trim();
        this.createdAt = Objects.requireNonNull(createdAt, "created at");
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public boolean isActive() {
        return active;
    }
}
