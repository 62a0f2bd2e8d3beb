package org.example.platform.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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

    private String name;

    @Column(length = 80)
    private String sku;

    @Column(name = "category_id")
    private Long categoryId;

    private String thumbnailUrl;
}
