package org.fleet;

import jakarta.persistence.*;
import jakarta.validation.constraints.*;
import java.time.*;
import java.util.*;

/** Every mapping package imported with a wildcard, and the containers of repeatable annotations. */
@Entity
@SecondaryTables({
        @SecondaryTable(name = "vehicle_spec", pkJoinColumns = @PrimaryKeyJoinColumn(name = "vehicle_id")),
        @SecondaryTable(name = "vehicle_note")})
@SequenceGenerators({@SequenceGenerator(name = "veh", sequenceName = "vehicle_ids", allocationSize = 20)})
@TableGenerators({@TableGenerator(name = "unused_tg", table = "unused_ids")})
@NamedEntityGraphs({@NamedEntityGraph(name = "v.all")})
@Inheritance(strategy = InheritanceType.JOINED)
public class Vehicle {
    @Id @GeneratedValue(generator = "veh") private Long id;
    @NotBlank @Size(max = 17) private String vin;
    @Column(table = "vehicle_spec") private Integer seats;
    @Column(table = "vehicle_note", length = 500) private String note;
    @Embedded
    @AttributeOverrides({@AttributeOverride(name = "lat", column = @Column(name = "home_lat")),
            @AttributeOverride(name = "lng", column = @Column(name = "home_lng"))})
    private Spot home;
    @org.hibernate.annotations.TimeZoneStorage(org.hibernate.annotations.TimeZoneStorageType.COLUMN)
    private OffsetDateTime registeredAt;
    @ManyToOne @org.hibernate.annotations.NotFound(action = org.hibernate.annotations.NotFoundAction.IGNORE)
    private Depot depot;
}
