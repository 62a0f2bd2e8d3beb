package access;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {
    @Id
    @GeneratedValue
    private Long id;

    private String reference;

    @ManyToOne
    private Customer customer;

    @OneToMany(mappedBy = "order")
    @OrderColumn(name = "line_position")
    private List<OrderLine> lines = new ArrayList<>();
}
