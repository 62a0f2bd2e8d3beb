package relations.catalog;

import jakarta.persistence.*;

import java.util.HashSet;
import java.util.Set;

@Entity
public class Tag {
    @Id
    @GeneratedValue
    private Long id;

    @Column(unique = true)
    private String label;

    @ManyToMany(mappedBy = "tags")
    private Set<Product> products = new HashSet<>();
}
