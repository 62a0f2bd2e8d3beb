package com.acme.shop.orders;

import jakarta.persistence.Entity;

@Entity
public class FreightShipment extends Shipment {
    private String containerNumber;
}
