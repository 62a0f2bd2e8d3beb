package org.example.platform.catalog;

import jakarta.persistence.Entity;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;
import org.example.platform.common.HierarchicalEntity;

@Entity
@Getter
@Setter
@NoArgsConstructor
public class Category extends HierarchicalEntity<Category> {
    private boolean visible;
}
