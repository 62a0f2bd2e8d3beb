package org.example.platform.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import lombok.Getter;
import lombok.Setter;

/** The rarely read part of an invoice, keyed by the invoice's id. */
@Entity
@Getter
@Setter
public class InvoiceDetail {
    @Id
    private Long id;

    @OneToOne(optional = false)
    @PrimaryKeyJoinColumn
    private Invoice invoice;

    private String paymentTerms;
}
