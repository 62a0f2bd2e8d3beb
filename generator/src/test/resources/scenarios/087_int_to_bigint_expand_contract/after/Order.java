package com.example.app;

import jakarta.persistence.*;

@Table(name = "orders", indexes = @Index(name = "idx_orders_quantity", columnList = "quantity"))
@Entity
public class Order {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long quantity;

    @Column(nullable = false, length = 40)
    private String reference;
}
