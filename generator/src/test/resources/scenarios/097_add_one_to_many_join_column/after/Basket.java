package com.example.app;

import jakarta.persistence.*;
import java.util.List;

@Entity
public class Basket {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = 40)
    private String label;

    // a unidirectional one-to-many: its join column basket_id lives in item, owned by no field of Item
    @OneToMany
    @JoinColumn(name = "basket_id")
    private List<Item> items;
}
