package relations.library;

import jakarta.persistence.*;

/** Maps its shelf column as a plain read-only value too. */
@Entity
public class Copy {
    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "shelf_id", insertable = false, updatable = false)
    private Long shelfId;

    private String barcode;
}
