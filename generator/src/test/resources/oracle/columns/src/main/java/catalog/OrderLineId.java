package catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

@Embeddable
public class OrderLineId implements Serializable {
    @Column(name = "order_no")
    private long orderNo;

    private int lineNo;

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderLineId other && orderNo == other.orderNo && lineNo == other.lineNo;
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderNo, lineNo);
    }
}
