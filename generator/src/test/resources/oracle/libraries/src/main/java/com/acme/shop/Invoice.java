package com.acme.shop;

import com.acme.common.Address;
import com.acme.common.Audited;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** An entity over a library auditing base, with a library embeddable whose columns it overrides. */
@Entity
@Table(name = "invoices")
@AttributeOverrides({
        @AttributeOverride(name = "reference", column = @Column(name = "invoice_ref", length = 32, nullable = false)),
        @AttributeOverride(name = "origin.street", column = @Column(name = "origin_street", length = 60)),
        @AttributeOverride(name = "origin.city", column = @Column(name = "origin_city")),
        @AttributeOverride(name = "origin.zip", column = @Column(name = "origin_zip"))
})
public class Invoice extends Audited<Customer, Integer> {
    @Embedded
    @AttributeOverride(name = "city", column = @Column(name = "bill_city", length = 50, nullable = false))
    private Address billing;

    private BigDecimal total;
}
