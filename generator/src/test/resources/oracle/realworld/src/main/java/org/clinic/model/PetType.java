package org.clinic.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A pet's type. */
@Entity
@Table(name = "types")
public class PetType extends NamedEntity {
}
