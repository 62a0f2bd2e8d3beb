package org.example.multi.crm;

import jakarta.persistence.*;

/** The default schema, identity id. */
@Entity
public class Segment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(unique = true)
    private String name;
}
