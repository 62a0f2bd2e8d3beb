package com.acme.shop.catalog;

import com.acme.shop.support.Columns;
import com.acme.shop.support.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;

import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "products",
        indexes = @Index(columnList = "name"),
        uniqueConstraints = @UniqueConstraint(name = "uk_products_sku", columnNames = Columns.SKU))
@Comment("Things we sell")
@Getter
@Setter
@NoArgsConstructor
public class Product {
    @Id
    @GeneratedValue
    private Long id;

    @Column(name = Columns.SKU, nullable = false, length = Columns.SKU_LENGTH)
    private String sku;

    private String name;

    @Embedded
    @AttributeOverride(name = "amount", column = @Column(name = "price_amount", precision = 10))
    @AttributeOverride(name = "currency", column = @Column(name = "price_currency"))
    private Money price;

    @Enumerated
    private ProductStatus status;

    @ColumnDefault("true")
    @Column(nullable = false)
    private boolean active = true;

    @Check(constraints = "stock >= 0")
    @Comment("Units in the warehouse")
    private int stock;

    @ManyToMany
    @JoinTable(name = "product_category",
            joinColumns = @JoinColumn(name = "product_id"),
            inverseJoinColumns = @JoinColumn(name = "category_id"))
    private Set<Category> categories = new HashSet<>();

    @ManyToMany
    private Set<Tag> tags = new HashSet<>();
}
