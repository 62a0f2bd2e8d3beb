package catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "suppliers")
public class Supplier extends AuditedEntity {
    @Column(nullable = false, length = 120)
    private String name;

    @Column
    private boolean preferred;

    private int rating;

    @Column(name = "lead_time_days")
    private short leadTimeDays;
}
