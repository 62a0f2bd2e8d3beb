package org.example.platform.common;

import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;
import lombok.Getter;
import lombok.Setter;

@Getter
@Setter
@MappedSuperclass
public abstract class PricedEntity<M extends Money> extends BaseEntity<Long> {
    @Embedded
    private M price;
}
