package org.shop;
import jakarta.persistence.*;
import java.util.Set;
@Entity
public class Category {
    @Id @GeneratedValue private Long id;
    @ManyToMany @JoinTable(name = "category_product") private Set<Product> products;
    @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)) private Category parent;
}
