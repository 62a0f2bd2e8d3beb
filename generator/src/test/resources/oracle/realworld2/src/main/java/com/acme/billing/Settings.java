package com.acme.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Settings {
    @Id
    private java.util.UUID id;

    @MapsId
    @OneToOne
    private Customer customer;

    @JdbcTypeCode(SqlTypes.JSON)
    private Preferences preferences;

    public record Preferences(boolean newsletter, String locale) {}
}
