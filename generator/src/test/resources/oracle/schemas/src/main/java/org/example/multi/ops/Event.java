package org.example.multi.ops;

import jakarta.persistence.*;

/** A SINGLE_TABLE hierarchy in schema ops. */
@Entity
@Table(schema = "ops")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public class Event {
    @Id
    @GeneratedValue
    private Long id;

    private java.time.Instant at;
}
