package com.acme.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.NaturalId;

/** A natural id of a relation and two basic attributes: the key's column order is Hibernate's binding order. */
@Entity
public class Seat {
    @Id
    @GeneratedValue
    private Long id;

    @NaturalId
    private String zone;

    @NaturalId
    @ManyToOne
    private Customer alpha;

    @NaturalId
    @Column(name = "a_row")
    private int row;
}
