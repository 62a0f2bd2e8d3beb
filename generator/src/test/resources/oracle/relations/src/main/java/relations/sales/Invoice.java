package relations.sales;

import jakarta.persistence.*;

import java.util.ArrayList;
import java.util.List;

@Entity
public class Invoice {
    @Id
    @GeneratedValue
    private Long id;

    private String number;

    @OneToMany
    @JoinColumn(name = "invoice_id", foreignKey = @ForeignKey(name = "fk_invoice_item_invoice"))
    private List<InvoiceItem> items = new ArrayList<>();
}
