package org.defs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/** PostgreSQL's own types and functions written in columnDefinition, as teams on PostgreSQL write them. */
@Entity
public class DeviceLog {
    @Id
    @Column(columnDefinition = "uuid default gen_random_uuid()")
    private UUID id;

    @Column(columnDefinition = "text[]")
    private String[] tags;

    @Column(columnDefinition = "inet")
    private String address;

    @Column(columnDefinition = "char(3)")
    private String country;

    @Column(columnDefinition = "interval")
    private Duration uptime;

    @Column(columnDefinition = "int4range")
    private String slot;

    @Column(columnDefinition = "date default CURRENT_DATE not null")
    private LocalDate seenOn;

    @Column(columnDefinition = "double precision")
    private double load;

    @Column(columnDefinition = "timestamptz")
    private java.time.OffsetDateTime at;

    @Column(columnDefinition = "numeric")
    private BigDecimal reading;

    @Column(columnDefinition = "bytea")
    private byte[] payload;

    @Column(columnDefinition = "varchar")
    private String note;

    @Column(columnDefinition = "bit(8)")
    private String flags;

    @Column(columnDefinition = "time without time zone")
    private java.time.LocalTime startsAt;
}
