package org.acme.multi;

import jakarta.persistence.*;

/** A mixed-case schema and a sequence name written with its schema. */
@Entity
@Table(name = "Owner", schema = "People")
public class Owner {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ownerGen")
    @SequenceGenerator(name = "ownerGen", sequenceName = "People.OwnerIds", allocationSize = 20)
    private Long id;

    private String name;
}
