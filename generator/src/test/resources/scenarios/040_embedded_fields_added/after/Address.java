package com.example.app;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
    @Column(length = 100)
    private String street;

    @Column(length = 60)
    private String city;
}
