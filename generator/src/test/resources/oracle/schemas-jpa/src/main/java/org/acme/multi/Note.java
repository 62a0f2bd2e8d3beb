package org.acme.multi;

import jakarta.persistence.*;

/** A quoted schema name keeps its case. */
@Entity
@Table(schema = "`Archive`")
public class Note {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne
    private Account account;
}
