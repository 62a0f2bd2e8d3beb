package com.acme.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;

@Entity
@PrimaryKeyJoinColumn(name = "invoice_id")
public class CreditNote extends Invoice {
    @OneToOne
    private Invoice original;

    private String reason;
}
