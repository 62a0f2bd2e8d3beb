package org.example.multi.crm;

import jakarta.persistence.*;

/** A named sequence with its own schema, the same as the table's. */
@Entity
@Table(schema = "crm")
public class Contact {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_gen")
    @SequenceGenerator(name = "contact_gen", sequenceName = "contact_ids", schema = "crm", allocationSize = 10)
    private Long id;

    @ManyToOne
    private Customer customer;
}
