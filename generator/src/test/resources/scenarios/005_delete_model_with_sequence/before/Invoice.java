package com.example.app;

import jakarta.persistence.*;

@Entity
public class Invoice {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_gen")
    @SequenceGenerator(name = "invoice_gen", sequenceName = "invoice_number_seq", allocationSize = 20)
    private Long id;

    @Column(nullable = false, length = 30)
    private String number;
}
