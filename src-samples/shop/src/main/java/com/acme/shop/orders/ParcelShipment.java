package com.acme.shop.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;

@Entity
@PrimaryKeyJoinColumn(name = "shipment_id")
public class ParcelShipment extends Shipment {
    private String trackingCode;
    private float weightKg;
}
