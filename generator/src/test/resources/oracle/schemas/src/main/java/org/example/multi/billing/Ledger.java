package org.example.multi.billing;

import jakarta.persistence.*;

/** A catalog, which PostgreSQL does not have. */
@Entity
@Table(name = "ledger", catalog = "accounting")
public class Ledger {
    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne
    private Invoice invoice;
}
