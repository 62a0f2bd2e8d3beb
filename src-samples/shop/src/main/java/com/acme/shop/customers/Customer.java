package com.acme.shop.customers;

import com.acme.shop.support.BaseEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Transient;
import lombok.Getter;
import lombok.Setter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.acme.shop.support.Columns.EMAIL_LENGTH;

@Entity
@Getter
@Setter
public class Customer extends BaseEntity {
    @Column(nullable = false, unique = true, length = EMAIL_LENGTH)
    private String email;

    private String displayName;

    @Embedded
    private Address billingAddress;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "street", column = @Column(name = "ship_street")),
            @AttributeOverride(name = "city", column = @Column(name = "ship_city")),
            @AttributeOverride(name = "postalCode", column = @Column(name = "ship_zip", length = 12)),
            @AttributeOverride(name = "country", column = @Column(name = "ship_country", length = 2))
    })
    private Address shippingAddress;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Tier tier;

    @Convert(converter = PhoneNumberConverter.class)
    private PhoneNumber phone;

    private LoyaltyPoints points;

    @OneToOne
    @JoinColumn(name = "profile_id")
    private CustomerProfile profile;

    @ElementCollection
    @CollectionTable(name = "customer_tag", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "tag", length = 40)
    private Set<String> tags = new HashSet<>();

    @ElementCollection
    private List<Address> pastAddresses = new ArrayList<>();

    @Transient
    private String sessionToken;

    private transient int cachedScore;

    private static final int MAX_TAGS = 20;
}
