package org.example.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Phone {
    @Column(length = 5)
    private String countryCode;

    @Column(length = 20)
    private String number;
}
