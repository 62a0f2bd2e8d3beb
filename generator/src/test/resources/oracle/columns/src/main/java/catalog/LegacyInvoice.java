package catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A serial column in the default schema beside a key from a sequence of Hibernate's. */
@Entity
public class LegacyInvoice {
    @Id
    @GeneratedValue
    private Long id;

    @Column(columnDefinition = "serial", nullable = false, updatable = false, insertable = false)
    private int invoiceNumber;
}
