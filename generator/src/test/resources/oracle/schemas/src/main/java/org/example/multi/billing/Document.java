package org.example.multi.billing;

import jakarta.persistence.*;

/** An abstract TABLE_PER_CLASS root without a table: its implicit sequence, children in two schemas. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Document {
    @Id
    @GeneratedValue
    private Long id;

    private String number;
}
