package org.gen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.GeneratedColumn;

import java.math.BigDecimal;

/** Stored generated columns declared with Hibernate's @GeneratedColumn. */
@Entity
public class OrderLine {
    @Id
    @GeneratedValue
    private Long id;

    private int quantity;

    @Column(precision = 12, scale = 2)
    private BigDecimal unitPrice;

    @GeneratedColumn("quantity * unit_price")
    @Column(precision = 14, scale = 2)
    private BigDecimal total;

    @GeneratedColumn("quantity > 100")
    private boolean bulk;

    @GeneratedColumn(value = "upper(sku)")
    @Column(length = 40)
    private String skuKey;

    @Column(length = 40)
    private String sku;
}
