package access;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.MapKeyJoinColumn;
import jakarta.persistence.Transient;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Field access, with one computed property and every kind of Map. */
@Entity
public class Product {
    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @Transient
    private String slug;

    @ElementCollection
    @CollectionTable(name = "product_attribute", joinColumns = @JoinColumn(name = "product_id"))
    @MapKeyColumn(name = "attribute_name", length = 100)
    @Column(name = "attribute_value")
    private Map<String, String> attributes = new HashMap<>();

    @ElementCollection
    @MapKeyColumn(name = "locale")
    private Map<Locale, Translation> translations = new HashMap<>();

    @ElementCollection
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "channel", length = 20)
    @Column(name = "price", precision = 12, scale = 2)
    private Map<SalesChannel, BigDecimal> channelPrices = new HashMap<>();

    @ElementCollection
    private Map<SalesChannel, Integer> stockByChannel = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "stock_level")
    @MapKeyJoinColumn(name = "warehouse_id")
    @Column(name = "quantity", nullable = false)
    private Map<Warehouse, Integer> stockLevels = new HashMap<>();

    @ManyToMany
    @JoinTable(name = "product_preferred_supplier")
    @MapKeyJoinColumn(name = "warehouse_id")
    private Map<Warehouse, Supplier> preferredSuppliers = new HashMap<>();

    @Access(AccessType.PROPERTY)
    @Column(name = "url_slug", length = 160)
    public String getSlug() {
        return name == null ? null : name.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    /** Field access maps the field, but Bean Validation reads the getter's constraints too. */
    @NotNull
    @Size(max = 120)
    public String getName() {
        return name;
    }

    @Transient
    public boolean isListed() {
        return name != null;
    }
}
