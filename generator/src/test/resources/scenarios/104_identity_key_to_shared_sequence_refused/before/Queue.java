package com.example.app;

import jakarta.persistence.*;

@Entity
public class Queue {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shared")
    @SequenceGenerator(name = "shared", sequenceName = "shared_ids", allocationSize = 20)
    private Long id;

    @Column(length = 40)
    private String name;
}
