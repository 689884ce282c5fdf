package dev.pulse.live;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A place in the venue. A rank above -1 makes it a primary location, listed with its map. */
@Entity
@Table(name = "live_location")
public class Location {

    static final int NOT_PRIMARY = -1;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "map_rank", nullable = false)
    private Integer rank;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Location() {
    }

    Location(String name, int rank, Instant createdAt) {
        rename(name);
        rank(rank);
        this.createdAt = Objects.requireNonNull(createdAt, "created at");
    }

    void rename(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a location needs a name");
        }
        this.name = name.trim();
    }

    void rank(int rank) {
        if (rank < NOT_PRIMARY) {
            throw new IllegalArgumentException("rank must be -1 (not primary) or more");
        }
        this.rank = rank;
    }

    Long id() {
        return id;
    }

    boolean isPrimary() {
        return rank > NOT_PRIMARY;
    }

    String name() {
        return name;
    }

    int rank() {
        return rank;
    }
}
