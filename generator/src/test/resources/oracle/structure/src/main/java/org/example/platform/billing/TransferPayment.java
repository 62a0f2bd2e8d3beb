package org.example.platform.billing;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import lombok.Getter;
import lombok.Setter;

@Entity
@DiscriminatorValue("TRANSFER")
@Getter
@Setter
public class TransferPayment extends Payment {
    @Column(name = "reference", length = 64, nullable = false)
    private String transferReference;

    @Column(length = 34)
    private String iban;
}
