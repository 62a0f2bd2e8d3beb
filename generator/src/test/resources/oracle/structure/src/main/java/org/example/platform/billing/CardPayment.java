package org.example.platform.billing;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import lombok.Getter;
import lombok.Setter;

@Entity
@DiscriminatorValue("CARD")
@Getter
@Setter
public class CardPayment extends Payment implements Payment.Constants {
    @Column(name = "reference", length = REFERENCE_SIZE)
    private String authorizationCode;

    @Column(length = 4)
    private String lastDigits;
}
