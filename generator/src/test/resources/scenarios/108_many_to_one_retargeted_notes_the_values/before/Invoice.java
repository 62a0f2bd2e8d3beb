package com.example.app;

import jakarta.persistence.*;

@Entity
public class Invoice {
    @Id
    @GeneratedValue
    private Long id;

    // the owner column keeps its name: owner_id
    @ManyToOne
    private Customer owner;
}
