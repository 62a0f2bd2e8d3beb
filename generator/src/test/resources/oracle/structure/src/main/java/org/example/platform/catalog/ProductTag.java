package org.example.platform.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.BaseEntity;

import java.time.Instant;

/** The product_tag join table of Product.tags, also mapped as an entity of its own. */
@Entity
@Table(name = "product_tag")
@Getter
@Setter
public class ProductTag extends BaseEntity<Long> {
    @ManyToOne
    @JoinColumn(name = "product_id")
    private Product product;

    @ManyToOne
    @JoinColumn(name = "tag_code")
    private Tag tag;

    private Instant taggedAt;
}
