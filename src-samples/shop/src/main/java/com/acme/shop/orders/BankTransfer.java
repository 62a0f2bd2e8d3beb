package com.acme.shop.orders;

import jakarta.persistence.Entity;

@Entity
public class BankTransfer extends Payment {
    private String iban;
}
