package com.example.app;

import jakarta.persistence.*;

@Entity
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = 80)
    private String title;

    // required, and the table has rows: keel needs a decision (it stopped on "uses column queue_id, which ticket does not have")
    @ManyToOne(optional = false)
    private Queue queue;
}
