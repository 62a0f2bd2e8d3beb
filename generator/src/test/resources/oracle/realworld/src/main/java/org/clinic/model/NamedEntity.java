package org.clinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.NotBlank;

/** A BaseEntity with a name property. */
@MappedSuperclass
public class NamedEntity extends BaseEntity {

    @Column(name = "name")
    @NotBlank
    private String name;

    public String getName() { return this.name; }

    @Override
    public String toString() { return this.getName(); }
}
