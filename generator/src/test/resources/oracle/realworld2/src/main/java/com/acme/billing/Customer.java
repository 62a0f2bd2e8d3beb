package com.acme.billing;

import com.acme.core.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import java.util.UUID;
import org.hibernate.annotations.NaturalId;

@Entity
public class Customer extends Timestamped<UUID> {
    @NaturalId
    @Column(nullable = false)
    private String email;

    @Enumerated
    private Tier tier;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Tier previousTier;

    public enum Tier { FREE, PRO, ENTERPRISE }
}
