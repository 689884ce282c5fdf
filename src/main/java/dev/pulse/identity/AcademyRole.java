package dev.pulse.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.TreeSet;

/** A BreatheCode academy role and the capabilities it grants; the catalogue is seeded by migration. */
@Entity
@Table(name = "academy_role")
public class AcademyRole {

    @Id
    @Column(length = 50)
    private String slug;

    @Column(nullable = false, length = 100)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "role_capability", joinColumns = @JoinColumn(name = "role_slug"))
    @Column(name = "capability", length = 60)
    private Set<String> capabilities = new TreeSet<>();

    protected AcademyRole() {
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public Set<String> capabilities() {
        return new TreeSet<>(capabilities);
    }
}
