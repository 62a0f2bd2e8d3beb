package org.clinic;
import jakarta.persistence.*;
@MappedSuperclass
public class NamedEntity extends BaseEntity {
    @Column(name = "name") private String name;
}
