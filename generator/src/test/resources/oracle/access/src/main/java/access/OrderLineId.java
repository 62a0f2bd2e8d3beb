package access;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

@Embeddable
public class OrderLineId implements Serializable {
    @Column(name = "purchase_order_id")
    private Long orderId;

    private int lineNumber;

    protected OrderLineId() {
    }

    public OrderLineId(Long orderId, int lineNumber) {
        this.orderId = orderId;
        this.lineNumber = lineNumber;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderLineId other && Objects.equals(orderId, other.orderId) && lineNumber == other.lineNumber;
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderId, lineNumber);
    }
}
