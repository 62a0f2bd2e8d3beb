package catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** A volume discount: from this quantity on, this unit price. */
@Embeddable
public class PriceBreak {
    @Column(name = "min_quantity", nullable = false)
    private int minQuantity;

    private int maxQuantity;

    @Column(precision = 12, scale = 4)
    private BigDecimal unitPrice;
}
