package com.acme.shop;

import com.acme.common.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Inherits the constants of a library interface: NAME_LENGTH unqualified. */
@Entity
public class Shelf implements Limits {
    @Id
    private Long id;

    @Column(length = NAME_LENGTH, nullable = false)
    private String label;
}
