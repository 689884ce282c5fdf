package dev.pulse.identity;

import dev.pulse.platform.input.Slug;
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

/** A class of students in an academy, possibly knowing which day of its syllabus it is on. */
@Entity
@Table(name = "cohort")
public class Cohort {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The sizes of the slug and name columns. */
    static final int MAX_SLUG = 150;
    static final int MAX_NAME = 200;

    @Column(nullable = false, unique = true, length = MAX_SLUG)
    private String slug;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "academy_id")
    private Academy academy;

    @Column(name = "current_day")
    private Integer currentDay;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Cohort() {
    }

    public Cohort(String slug, String name, Academy academy, Integer currentDay, Instant createdAt) {
        this.slug = Slug.require(slug, MAX_SLUG, "slug");
        this.name = Objects.requireNonNull(name, "name").trim();
        this.academy = Objects.requireNonNull(academy, "academy");
        if (currentDay != null && currentDay < 0) {
            throw new IllegalArgumentException("a cohort's current day cannot be negative");
        }
        this.currentDay = currentDay;
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

    public Academy academy() {
        return academy;
    }

    public Integer currentDay() {
        return currentDay;
    }
}
