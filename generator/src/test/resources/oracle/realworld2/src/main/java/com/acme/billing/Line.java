package com.acme.billing;

import com.acme.core.Money;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

@Embeddable
public class Line {
    private String description;
    private int quantity;
    @Embedded
    private Money price;
}
