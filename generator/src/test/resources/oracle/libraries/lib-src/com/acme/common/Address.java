package com.acme.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A library embeddable: its column lengths and nullability as declared here, unless the embedding entity overrides them. */
@Embeddable
public class Address {
    @Column(length = 80, nullable = false)
    private String street;

    @Column(length = 30)
    private String city;

    private Integer zip;
}
