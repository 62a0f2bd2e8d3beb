package access;

import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

@Embeddable
public class ProductCategoryId implements Serializable {
    private Long productId;
    private Integer categoryId;

    @Override
    public boolean equals(Object o) {
        return o instanceof ProductCategoryId other && Objects.equals(productId, other.productId)
                && Objects.equals(categoryId, other.categoryId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(productId, categoryId);
    }
}
