package io.shop.domain;

import jakarta.persistence.*;
import java.math.BigDecimal;
import org.hibernate.annotations.Immutable;

/** A read-only view of the product table: a second entity on the same table. */
@Entity
@Immutable
@Table(name = "product")
public class ProductPrice {
    @Id
    private Long id;

    @Column(name = "price", precision = 21, scale = 2, nullable = false)
    private BigDecimal price;

    @Column(name = "discount", precision = 5, scale = 2)
    private BigDecimal discount;
}
