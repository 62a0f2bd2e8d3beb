package com.example.app;

import jakarta.persistence.*;

@Entity
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE) // batched inserts: the key from ticket_seq, 50 at a time
    private Long id;

    @Column(length = 80)
    private String title;
}
