package org.example.multi.crm;

import jakarta.persistence.*;
import org.example.multi.sales.Partner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An entity in schema crm: its implicit sequence, implicit join and collection tables, and explicit ones elsewhere. */
@Entity
@Table(name = "customer", schema = "crm",
        indexes = @Index(name = "customer_email_idx", columnList = "email"),
        uniqueConstraints = @UniqueConstraint(name = "customer_code_uk", columnNames = "code"))
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String email;

    private String code;

    /** Implicit collection table. */
    @ElementCollection
    private Set<String> tags = new HashSet<>();

    /** Implicit join table, to an entity of the default schema. */
    @ManyToMany
    private Set<Segment> segments = new HashSet<>();

    /** Collection table in another schema. */
    @ElementCollection
    @CollectionTable(name = "customer_note", schema = "audit")
    @Column(name = "note")
    private List<String> notes = new ArrayList<>();

    /** Join table in another schema, to an entity of a third one. */
    @ManyToMany
    @JoinTable(name = "customer_partner", schema = "sales")
    private Set<Partner> partners = new HashSet<>();

    /** Unidirectional one-to-many: implicit join table. */
    @OneToMany
    private List<Contact> contacts = new ArrayList<>();
}
