package depot.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Names a generator declared nowhere, with the default strategy. */
@Entity
public class Bin {
    @Id
    @GeneratedValue(generator = "BIN_NUMBERS")
    private Integer id;
}
