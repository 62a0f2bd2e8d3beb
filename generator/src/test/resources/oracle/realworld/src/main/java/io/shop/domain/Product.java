package io.shop.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.shop.config.Columns;
import io.shop.config.Constants;
import io.shop.domain.enumeration.ProductSize;
import jakarta.persistence.*;
import jakarta.validation.constraints.*;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Product. */
@Entity
@Table(name = "product", indexes = @Index(name = "ix_product_sku", columnList = "sku"))
public class Product extends AbstractAuditingEntity<Long> implements Serializable, Columns {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
    @SequenceGenerator(name = "sequenceGenerator")
    @Column(name = "id")
    private Long id;

    @NotNull
    @Column(name = "name", nullable = false, length = NAME)
    private String name;

    @NotNull
    @Column(name = "sku", nullable = false, length = Constants.SKU_LENGTH)
    private String sku;

    @Column(name = "description", columnDefinition = "text")
    private String description;

    @NotNull
    @DecimalMin(value = "0")
    @Column(name = "price", precision = 21, scale = 2, nullable = false)
    private BigDecimal price;

    @Column(name = CURRENCY_COLUMN, length = CODE)
    private String currency;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "product_size", nullable = false)
    private ProductSize productSize;

    @Lob
    @Column(name = "image")
    private byte[] image;

    @Column(name = "image_content_type")
    private String imageContentType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attributes")
    private Map<String, Object> attributes;

    @ManyToOne(fetch = FetchType.LAZY)
    @JsonIgnoreProperties(value = { "products" }, allowSetters = true)
    private ProductCategory productCategory;

    @Override
    public Long getId() { return id; }
}
