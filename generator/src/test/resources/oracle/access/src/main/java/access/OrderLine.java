package access;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;

import java.math.BigDecimal;

/** Its key is the order's key plus a line number. */
@Entity
public class OrderLine {
    @EmbeddedId
    private OrderLineId id;

    @ManyToOne(fetch = FetchType.LAZY)
    @MapsId("orderId")
    private PurchaseOrder order;

    @ManyToOne
    private Product product;

    private int quantity;

    private BigDecimal unitPrice;
}
