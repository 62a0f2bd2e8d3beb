package depot.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** In a sub-package: numbered by the generic generator of package depot too. */
@Entity
public class Pallet {
    @Id
    @GeneratedValue(generator = "ID_GENERATOR")
    private Long id;

    private double weight;
}
