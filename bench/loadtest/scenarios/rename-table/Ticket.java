package com.example.load;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The ticket table renamed to support_ticket (a real rename: keel writes it as expand and contract by default). */
@Entity
@Table(name = "support_ticket")
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false)
    private int amount;

    @Column(nullable = false)
    private int priority;

    @Column(length = 20)
    private String status;

    @Column(length = 100)
    private String email;

    @Column(name = "owner_id")
    private Long owner;

    @Column(name = "legacy_code", length = 40)
    private String legacyCode;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
}
