package com.acme.common;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.io.Serializable;

/** A generic base of entities from a library jar: its id, version and code are columns of each entity's table. */
@MappedSuperclass
public abstract class BaseEntity<PK extends Serializable> {
    public static final int REF_LENGTH = 24;

    @Id
    @GeneratedValue
    private PK id;

    @Version
    private Long version;

    @Column(name = "ref", length = REF_LENGTH, nullable = false, unique = true)
    private String reference;

    private transient String scratch;

    public PK getId() {
        return id;
    }
}
