package org.example.multi.crm;

import jakarta.persistence.*;

/** A JOINED root in schema crm; its children live in other schemas. */
@Entity
@Table(schema = "crm")
@Inheritance(strategy = InheritanceType.JOINED)
public class Party {
    @Id
    @GeneratedValue
    private Long id;

    private String displayName;
}
