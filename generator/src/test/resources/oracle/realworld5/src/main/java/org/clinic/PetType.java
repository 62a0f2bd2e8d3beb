package org.clinic;
import jakarta.persistence.*;
@Entity @Table(name = "types")
public class PetType extends NamedEntity {}
