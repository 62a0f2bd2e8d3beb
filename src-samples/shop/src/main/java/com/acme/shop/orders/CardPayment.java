package com.acme.shop.orders;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("CARD")
public class CardPayment extends Payment {
    @Column(length = 4, nullable = false)
    private String cardLast4;

    private int expiryMonth;
}
