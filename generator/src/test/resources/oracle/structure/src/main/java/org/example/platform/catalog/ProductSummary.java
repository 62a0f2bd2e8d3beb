package org.example.platform.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import org.hibernate.annotations.Immutable;

/** A read-only view of the product table for listings. */
@Entity
@Immutable
@Table(name = "product")
@Getter
public class ProductSummary {
    @Id
    private Long id;

    @Size(max = 60)
    private String name;

    @Column(length = 80)
    private String sku;

    @Column(name = "category_id")
    private Long categoryId;

    @Size(max = 500)
    private String thumbnailUrl;
}
