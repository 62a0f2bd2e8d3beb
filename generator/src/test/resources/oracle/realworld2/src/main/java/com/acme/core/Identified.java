package com.acme.core;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.io.Serializable;

/** A generic base class: the id's type comes from the subclass. */
@MappedSuperclass
public abstract class Identified<ID extends Serializable> {
    @Id
    private ID id;

    @Version
    private long version;

    public ID getId() { return id; }
}
