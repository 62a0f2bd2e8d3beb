package relations.catalog;

import jakarta.persistence.*;

import java.util.HashSet;
import java.util.Set;

@Entity
public class Supplier {
    @Id
    @GeneratedValue
    private Long id;

    private String companyName;

    /** The inverse side of Warehouse.suppliers (Product.suppliers is unidirectional). */
    @ManyToMany(mappedBy = "suppliers")
    private Set<Warehouse> warehouses = new HashSet<>();
}
