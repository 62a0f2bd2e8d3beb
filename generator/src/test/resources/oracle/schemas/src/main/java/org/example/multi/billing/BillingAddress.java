package org.example.multi.billing;

import jakarta.persistence.*;

/** Table address in schema billing (crm has one too). */
@Entity
@Table(name = "address", schema = "billing", indexes = @Index(name = "address_city_idx", columnList = "city"))
public class BillingAddress {
    @Id
    @GeneratedValue
    private Long id;

    private String city;

    @Column(unique = true)
    private String code;
}
