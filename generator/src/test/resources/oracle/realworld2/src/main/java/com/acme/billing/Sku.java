package com.acme.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.NaturalId;

/** A composite natural id: a customer's own code for a product. */
@Entity
public class Sku {
    @Id
    @GeneratedValue
    private Long id;

    @NaturalId
    @ManyToOne
    private Customer owner;

    @NaturalId(mutable = true)
    private String code;

    private String label;
}
