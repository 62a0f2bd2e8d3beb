package com.example.app;

import jakarta.persistence.*;

@Entity
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = 80)
    private String title;

    // stored by name now: varchar(255), checked in (...); --using maps each ordinal to its name
    @Enumerated(EnumType.STRING)
    private Status status;
}
