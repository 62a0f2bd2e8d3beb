package com.acme.shop.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Tag {
    @Id
    @Column(length = 50)
    private String label;

    private String colour;
}
