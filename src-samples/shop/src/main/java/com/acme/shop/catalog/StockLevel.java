package com.acme.shop.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import java.io.Serializable;

@Entity
public class StockLevel {
    @EmbeddedId
    private Key id;

    private int quantity;

    @Embeddable
    public static class Key implements Serializable {
        @Column(length = 10)
        private String warehouseCode;
        private long productId;
    }
}
