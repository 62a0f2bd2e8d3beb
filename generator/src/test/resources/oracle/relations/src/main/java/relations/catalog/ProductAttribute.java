package relations.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class ProductAttribute {
    @Column(name = "attribute", length = 64)
    private String name;

    @Column(name = "attribute_value")
    private String value;
}
