package implicit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Subselect;
import org.hibernate.annotations.Synchronize;

/** An entity read from a query (a view written in the mapping): Hibernate creates no table for it. */
@Entity
@Immutable
@Subselect("select b.label as harbour, count(*) as boats from berth b group by b.label")
@Synchronize("berth")
public class BerthOccupancy {
    @Id
    private String harbour;

    @Column(nullable = false)
    private long boats;
}
