package org.example.platform.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.EqualsAndHashCode;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.NamedEntity;

import java.util.ArrayList;
import java.util.List;

/** The full, writable product. */
@Entity
@Table(name = "product")
@Getter
@Setter
@EqualsAndHashCode(callSuper = true)
public class Product extends NamedEntity<Long> {
    @Column(nullable = false, unique = true, length = CODE_MAX_SIZE)
    private String sku;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private RecordStatus status;

    @Column(name = "status", insertable = false, updatable = false)
    private String statusCode;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @Column(name = "category_id", insertable = false, updatable = false)
    private Long categoryId;

    @ManyToMany
    @JoinTable(name = "product_tag",
            joinColumns = @JoinColumn(name = "product_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_code"))
    private List<Tag> tags = new ArrayList<>();

    /** The unit the stock is counted in; a measurement unit has a code of {@value #CODE_MAX_SIZE} characters. */
    @Column(name = "unit_code", length = CODE_MAX_SIZE)
    private String unitCode;
}
