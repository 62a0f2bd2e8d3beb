package relations.catalog;

import jakarta.persistence.*;

import java.util.HashSet;
import java.util.Set;

@Entity
public class Warehouse {
    @Id
    @GeneratedValue
    private Long id;

    private String city;

    /** The join column names only the referenced column: its name stays implicit. */
    @ManyToMany
    @JoinTable(name = "warehouse_supplier", joinColumns = @JoinColumn(referencedColumnName = "id"))
    private Set<Supplier> suppliers = new HashSet<>();
}
