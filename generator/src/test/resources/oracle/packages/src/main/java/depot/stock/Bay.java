package depot.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Numbered by a generator another entity's class declares. */
@Entity
public class Bay {
    @Id
    @GeneratedValue(generator = "shelf_rows")
    private Integer id;

    private String aisle;
}
