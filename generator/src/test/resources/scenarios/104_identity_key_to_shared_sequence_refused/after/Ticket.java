package com.example.app;

import jakarta.persistence.*;

@Entity
public class Ticket {
    // from the identity to the sequence Queue already uses: keel cannot tell it feeds this table, and refuses
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shared")
    @SequenceGenerator(name = "shared", sequenceName = "shared_ids", allocationSize = 20)
    private Long id;

    @Column(length = 80)
    private String title;
}
