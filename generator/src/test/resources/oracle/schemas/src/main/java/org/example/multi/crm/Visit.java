package org.example.multi.crm;

import jakarta.persistence.*;

/** A sequence name written with its schema ({@code crmData.visitIds}) instead of schema = ... */
@Entity
@Table(schema = "crm")
public class Visit {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "visit_gen")
    @SequenceGenerator(name = "visit_gen", sequenceName = "crmData.visitIds")
    private Long id;

    @ManyToOne
    private Customer customer;
}
