package org.example.platform.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.Money;
import org.example.platform.common.PricedEntity;

import java.time.LocalDate;

@Entity
@Getter
@Setter
public class Offer extends PricedEntity<Money> {
    @ManyToOne
    private Product product;

    private LocalDate validUntil;
}
