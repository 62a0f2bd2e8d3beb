package catalog;

import jakarta.persistence.*;
import org.hibernate.annotations.ColumnDefault;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "products")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "product_type")
public class Product {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "product_id")
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String sku;

    private int stockLevel;

    @Column(name = "reorder_point")
    private int reorderPoint;

    @Column(length = 5)
    private int shelfCode;

    @Basic
    private int viewCount;

    @Basic(optional = false)
    private Integer catalogPage;

    @Basic(optional = false)
    @Column(nullable = true)
    private boolean listed;

    @Column(nullable = false)
    private boolean active;

    @ColumnDefault("0")
    private int soldCount;

    @ColumnDefault("0")
    @Column(name = "returned_count")
    private int returnedCount;

    @Version
    @Column(name = "row_version")
    private int rowVersion;

    @Embedded
    private Dimensions dimensions;

    @ElementCollection
    @CollectionTable(name = "product_bundle_sizes")
    private Set<Integer> bundleSizes = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "product_warehouses")
    @Column(name = "warehouse_id")
    @Basic(optional = false)
    private Set<Integer> warehouseIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "product_price_breaks")
    private List<PriceBreak> priceBreaks = new ArrayList<>();
}
