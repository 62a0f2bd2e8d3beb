package access;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKey;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;

import java.util.HashMap;
import java.util.Map;

@Entity
public class Category {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    private String title;

    @ManyToMany
    @JoinTable(name = "category_featured_product", joinColumns = @JoinColumn(name = "category_id"))
    @MapKeyColumn(name = "featured_rank")
    private Map<Integer, Product> featured = new HashMap<>();

    @OneToMany
    @MapKey(name = "name")
    private Map<String, Product> productsByName = new HashMap<>();

    @OneToMany
    @JoinColumn(name = "parent_category_id")
    @MapKeyColumn(name = "path_segment", length = 64)
    private Map<String, Category> children = new HashMap<>();
}
