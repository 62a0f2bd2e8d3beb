package com.example.app;

import jakarta.persistence.*;

@Entity
@DiscriminatorValue("BANK")
public class BankTransfer extends Payment {
    @Column(length = 34)
    private String iban;
}
