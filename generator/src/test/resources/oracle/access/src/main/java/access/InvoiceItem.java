package access;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class InvoiceItem {
    @Id
    @GeneratedValue
    private Long id;

    private String description;
}
