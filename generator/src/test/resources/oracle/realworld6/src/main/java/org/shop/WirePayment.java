package org.shop;
import jakarta.persistence.*;
@Entity
public class WirePayment extends Payment { private String iban; }
