package com.acme.shop.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.util.UUID;

@Entity
public class Coupon {
    @Id
    private UUID code;

    private double discountPercent;
}
