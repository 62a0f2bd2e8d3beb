package com.acme.shop.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;

import java.time.LocalDate;

@Entity
public class CustomerProfile {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "profile_gen")
    @SequenceGenerator(name = "profile_gen", sequenceName = "profile_ids", initialValue = 100, allocationSize = 10)
    private Long id;

    @Column(columnDefinition = "text")
    private String bio;

    private LocalDate birthday;

    @OneToOne(mappedBy = "profile")
    private Customer customer;
}
