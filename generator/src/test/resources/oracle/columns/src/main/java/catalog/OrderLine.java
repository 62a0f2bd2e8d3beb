package catalog;

import jakarta.persistence.*;

@Entity
@Table(name = "order_lines")
public class OrderLine {
    @EmbeddedId
    private OrderLineId id;

    @Basic(optional = false)
    @Column(nullable = true)
    private int quantity;

    @Column(name = "discount_percent")
    private double discountPercent;
}
