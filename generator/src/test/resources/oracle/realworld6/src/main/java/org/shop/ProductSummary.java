package org.shop;
import jakarta.persistence.*;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Subselect;
import org.hibernate.annotations.Synchronize;
@Entity
@Immutable
@Subselect("select p.id, p.amount from PRODUCT p")
@Synchronize("PRODUCT")
public class ProductSummary {
    @Id private Long id;
    private java.math.BigDecimal amount;
}
