package com.acme.common;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A base built for both persistence namespaces, as some libraries ship one jar for Java EE and Jakarta EE: each
 * mapping annotation twice, the javax one saying something else (Hibernate 6 reads only Jakarta's).
 */
@MappedSuperclass
@javax.persistence.MappedSuperclass
public abstract class Ledger {
    @Basic(optional = false)
    @javax.persistence.Basic
    @javax.persistence.Column(name = "old_reference", length = 12)
    private String reference;

    @javax.persistence.Column(name = "old_amount", nullable = false)
    @Column(name = "amount_cents")
    private Long amountCents;

    @javax.persistence.Basic(optional = false)
    private String memo;
}
