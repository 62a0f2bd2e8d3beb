package org.atlas;

import jakarta.persistence.*;
import org.hibernate.annotations.*;

/** Annotations that change no DDL on PostgreSQL: Hibernate creates the table as if they were not there. */
@jakarta.persistence.Entity
@Immutable
@Synchronize({"city", "region"})
@DynamicUpdate
@OptimisticLocking(type = OptimisticLockType.DIRTY)
@SecondaryTable(name = "region_notes")
@SecondaryRow(table = "region_notes", owned = false, optional = true)
public class Region {
    @jakarta.persistence.Id @GeneratedValue private Long id;
    private String zone;
    @ColumnTransformer(read = "upper(name)", write = "lower(?)") private String name;
    @Column(table = "region_notes") private String note;
    @Source(SourceType.DB) @Version private java.sql.Timestamp version;
    @CurrentTimestamp private java.time.Instant touchedAt;
    @CreationTimestamp private java.time.LocalDateTime createdAt;
    @UpdateTimestamp private java.time.LocalDateTime updatedAt;
    @OptimisticLock(excluded = true) private Integer visits;
    @Nationalized private String localName;
    @Embedded private Boundary boundary;
    @OneToMany(mappedBy = "region") @Bag private java.util.List<City> cities;
    @ElementCollection @OrderColumn @ListIndexBase(1) private java.util.List<String> aliases;
    @ManyToOne @JoinFormula("(select c.id from city c where c.region_id = id order by c.id limit 1)") private City capital;
}
