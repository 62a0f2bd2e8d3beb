package com.acme.shop.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.OneToOne;

import java.time.LocalDateTime;

@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Shipment {
    @Id
    @GeneratedValue
    private Long id;

    @OneToOne(optional = false)
    private PurchaseOrder purchaseOrder;

    private LocalDateTime dispatchedAt;
}
