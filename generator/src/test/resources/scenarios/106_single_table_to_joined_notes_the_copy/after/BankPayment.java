package com.example.app;

import jakarta.persistence.*;
import java.math.BigDecimal;

@Entity
@DiscriminatorValue("BANK")
public class BankPayment extends Payment {
    @Column(length = 34)
    private String iban;

    private String bic;
}
