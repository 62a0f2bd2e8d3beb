package com.example.app;

import jakarta.persistence.*;

@Entity
public class Customer {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 80)
    private String name;
}
