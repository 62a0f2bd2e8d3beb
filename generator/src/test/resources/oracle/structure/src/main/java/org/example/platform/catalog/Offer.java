package org.example.platform.catalog;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.NotNull;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.Money;
import org.example.platform.common.Period;
import org.example.platform.common.PricedEntity;

import java.time.LocalDate;

@Entity
@AttributeOverrides({
        @AttributeOverride(name = "price.amount", column = @Column(name = "price_amount", precision = 12, scale = 2)),
        @AttributeOverride(name = "price.currency", column = @Column(name = "price_currency", length = 3, nullable = false))
})
@Getter
@Setter
public class Offer extends PricedEntity<Money> {
    /** Required when writing; the read-only id beside it makes the column nullable in Hibernate's DDL. */
    @NotNull
    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id")
    private Product product;

    @Column(name = "product_id", insertable = false, updatable = false)
    private Long productId;

    @Embedded
    private Period<LocalDate> validity;
}
