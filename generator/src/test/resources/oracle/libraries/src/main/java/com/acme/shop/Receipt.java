package com.acme.shop;

import com.acme.common.Ledger;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Extends a library base whose class file carries javax.persistence's annotations beside Jakarta's. */
@Entity
public class Receipt extends Ledger {
    @Id
    private Long id;
}
