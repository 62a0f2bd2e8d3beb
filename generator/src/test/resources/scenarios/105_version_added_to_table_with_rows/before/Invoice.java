package com.example.app;

import jakarta.persistence.*;

@Entity
public class Invoice {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String number;
}
