package depot;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * Numbered by the package's sequence generator (with strategy = SEQUENCE, Hibernate 7 would refuse to start:
 * PackageGeneratorsTest).
 */
@Entity
public class Crate {
    @Id
    @GeneratedValue(generator = "crate_ids")
    private Long id;

    private String label;
}
