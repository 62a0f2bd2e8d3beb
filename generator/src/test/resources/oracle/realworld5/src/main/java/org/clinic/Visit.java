package org.clinic;

import jakarta.persistence.*;
import java.time.*;

@Entity
@Table(name = "visits")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.INTEGER)
@DiscriminatorValue("0")
public class Visit extends BaseEntity {
    @Column(name = "visit_date") private LocalDate date;
    @jakarta.validation.constraints.NotEmpty private String description;
    @ManyToOne(targetEntity = Pet.class) private Object pet;
    @Access(AccessType.PROPERTY) @Transient private String shadow;
    private Instant at;
    private OffsetTime checkedIn;
}
