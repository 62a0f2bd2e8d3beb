package relations.sales;

import jakarta.persistence.*;

import java.math.BigDecimal;

@Entity
public class InvoiceItem {
    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne
    private Invoice invoice;

    private BigDecimal amount;
}
