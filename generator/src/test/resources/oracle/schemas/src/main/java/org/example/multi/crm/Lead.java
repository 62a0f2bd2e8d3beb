package org.example.multi.crm;

import jakarta.persistence.*;

/** A named sequence without a schema, on a table in schema crm. */
@Entity
@Table(schema = "crm")
public class Lead {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lead_gen")
    @SequenceGenerator(name = "lead_gen", sequenceName = "lead_ids", allocationSize = 1)
    private Long id;

    private String source;
}
