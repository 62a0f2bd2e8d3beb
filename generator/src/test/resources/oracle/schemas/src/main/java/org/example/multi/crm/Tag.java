package org.example.multi.crm;

import jakarta.persistence.*;

/** The default schema written out: schema = "public" on the table and on its sequence. */
@Entity
@Table(schema = "public", uniqueConstraints = @UniqueConstraint(columnNames = "label"))
public class Tag {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tag_gen")
    @SequenceGenerator(name = "tag_gen", sequenceName = "tag_ids", schema = "public")
    private Long id;

    private String label;

    @ManyToMany
    @JoinTable(schema = "public")
    private java.util.Set<Customer> customers = new java.util.HashSet<>();
}
