package depot.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** In a sub-package: numbered by its package's generator, declared in a @GenericGenerators container. */
@Entity
public class Pallet {
    @Id
    @GeneratedValue(generator = "pallet_ids")
    private Long id;

    private double weight;
}
