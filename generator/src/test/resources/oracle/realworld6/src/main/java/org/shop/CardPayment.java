package org.shop;
import jakarta.persistence.*;
@Entity
public class CardPayment extends Payment { @Column(length = 4) private String last4; }
