package com.acme.shop.catalog;

public enum ProductStatus {
    DRAFT, ACTIVE, DISCONTINUED;

    public boolean visible() {
        return this == ACTIVE;
    }
}
