package depot;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Numbered by the package's sequence generator. */
@Entity
public class Crate {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crate_ids")
    private Long id;

    private String label;
}
