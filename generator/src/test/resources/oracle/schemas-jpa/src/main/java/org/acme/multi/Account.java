package org.acme.multi;

import jakarta.persistence.*;

import java.util.HashSet;
import java.util.Set;

/** Hibernate's own naming: a mixed-case schema (unquoted, so folded), its sequence and implicit tables. */
@Entity
@Table(name = "Account", schema = "Billing")
public class Account {
    @Id
    @GeneratedValue
    private Long id;

    @ElementCollection
    private Set<String> labels = new HashSet<>();

    @ManyToMany
    @JoinTable(schema = "Billing")
    private Set<Owner> owners = new HashSet<>();

    @ManyToOne
    private Owner mainOwner;
}
