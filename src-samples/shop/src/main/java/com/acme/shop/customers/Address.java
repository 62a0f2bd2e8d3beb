package com.acme.shop.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import lombok.Data;

@Embeddable
@Data
public class Address {
    private String street;
    private String city;
    @Column(name = "zip", length = 12)
    private String postalCode;
    @Column(length = 2, nullable = false)
    private String country;
}
