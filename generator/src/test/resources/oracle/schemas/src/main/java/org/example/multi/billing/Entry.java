package org.example.multi.billing;

import jakarta.persistence.*;

/** A catalog and a schema, on the table and on the sequence. */
@Entity
@Table(catalog = "accounting", schema = "books")
public class Entry {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entry_gen")
    @SequenceGenerator(name = "entry_gen", sequenceName = "entry_ids", catalog = "accounting", schema = "books")
    private Long id;

    @ManyToOne
    private Ledger ledger;
}
