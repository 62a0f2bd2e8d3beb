package com.acme.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;

import java.io.Serializable;
import java.util.Date;

/** An auditing base (who and when) over the generic base: the user type and the id type are the entity's to give. */
@MappedSuperclass
public abstract class Audited<U, PK extends Serializable> extends BaseEntity<PK> {
    @ManyToOne
    @JoinColumn(name = "created_by")
    private U createdBy;

    @Temporal(TemporalType.TIMESTAMP)
    @Stamp(zone = "Europe/Paris", mark = '\'', steps = {1L, 60L}, source = String.class, when = Status.CLOSED)
    @Column(nullable = false)
    private Date createdDate;

    @Temporal(TemporalType.DATE)
    private Date lastModifiedDate;

    @Embedded
    private Address origin;
}
