package relations.catalog;

import jakarta.persistence.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "products")
public class Product {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    private BigDecimal price;

    /** Bidirectional, no @JoinTable: the owner's column is named after Tag.products. */
    @ManyToMany
    private Set<Tag> tags = new HashSet<>();

    /** Bidirectional with a named join table but implicit join columns. */
    @ManyToMany
    @JoinTable(name = "product_category")
    private Set<Category> categories = new HashSet<>();

    /** Unidirectional: the owner's column is named after the entity. */
    @ManyToMany
    private List<Supplier> suppliers = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "product_images",
            joinColumns = @JoinColumn(name = "product_id", foreignKey = @ForeignKey(name = "fk_product_images_product")),
            indexes = @Index(name = "idx_product_images_url", columnList = "image_url"))
    @OrderColumn(name = "position")
    @Column(name = "image_url", nullable = false)
    private List<String> imageUrls = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "product_attributes",
            joinColumns = @JoinColumn(name = "product_id"),
            foreignKey = @ForeignKey(name = "fk_product_attributes_product"),
            uniqueConstraints = @UniqueConstraint(name = "uk_product_attribute", columnNames = {"product_id", "attribute"}),
            indexes = {@Index(columnList = "attribute"), @Index(name = "ux_product_attribute_value", columnList = "attribute_value", unique = true)})
    private List<ProductAttribute> attributes = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "product_keywords", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
    @Column(name = "keyword")
    private Set<String> keywords = new HashSet<>();

    @ElementCollection
    @CollectionTable(joinColumns = @JoinColumn(name = "product_id", foreignKey = @ForeignKey(value = ConstraintMode.NO_CONSTRAINT)))
    private Set<String> searchTerms = new HashSet<>();
}
