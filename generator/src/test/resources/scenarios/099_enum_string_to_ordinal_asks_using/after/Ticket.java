package com.example.app;

import jakarta.persistence.*;

@Entity
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = 80)
    private String title;

    // stored by ordinal now: keel cannot convert names alone, and suggests the mapping
    @Enumerated(EnumType.ORDINAL)
    private Status status;
}
