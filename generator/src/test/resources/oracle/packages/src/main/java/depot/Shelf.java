package depot;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** Numbered by the package's generic generator; its own generator beside it names another sequence. */
@Entity
@SequenceGenerator(name = "shelf_rows", sequenceName = "shelf_rows", allocationSize = 1)
public class Shelf {
    @Id
    @GeneratedValue(generator = "ID_GENERATOR")
    private Long id;

    private int levels;
}
