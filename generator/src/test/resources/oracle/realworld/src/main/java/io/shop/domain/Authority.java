package io.shop.domain;

import jakarta.persistence.*;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Objects;
import org.springframework.data.domain.Persistable;

/** An authority (a security role). */
@Entity
@Table(name = "jhi_authority")
public class Authority implements Serializable, Persistable<String> {

    private static final long serialVersionUID = 1L;

    @NotNull
    @Size(max = 50)
    @Id
    @Column(name = "name", length = 50, nullable = false)
    private String name;

    @Transient
    private boolean isPersisted;

    public String getName() { return this.name; }

    @Override
    public String getId() { return this.name; }

    @Transient
    @Override
    public boolean isNew() { return !this.isPersisted; }

    @PostLoad
    @PostPersist
    public void updateEntityState() { this.isPersisted = true; }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Authority a && Objects.equals(name, a.name);
    }

    @Override
    public int hashCode() { return Objects.hashCode(name); }
}
