package org.example.multi.crm;

import jakarta.persistence.*;

/** The same table name as org.example.multi.billing.BillingAddress, in another schema. */
@Entity
@Table(name = "address", schema = "crm", indexes = @Index(name = "address_city_idx", columnList = "city"))
public class Address {
    @Id
    @GeneratedValue
    private Long id;

    private String city;

    @Column(unique = true)
    private String code;

    @ManyToOne
    private Customer customer;
}
