package com.acme.shop;

import com.acme.common.*;
import com.acme.common.Catalog.Kind;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;

import static com.acme.common.Limits.UNIT;

@Entity
public class Product {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = Limits.NAME_LENGTH)
    private String name;

    @Column(length = (int) Limits.NOTE_LENGTH)
    private String note;

    @Column(length = Sizes.CODE)
    private String code;

    @Column(length = Sizes.Columns.TITLE)
    private String title;

    @Column(precision = Sizes.PRECISION, scale = Sizes.SMALL)
    private BigDecimal weight;

    @Column(name = "price_" + UNIT)
    private Long price;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Status legacyStatus;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Catalog.Kind secondKind;

    @Convert(converter = MoneyConverter.class)
    private Money cost;

    @Convert(converter = ColorConverter.class)
    private Color color;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Status textStatus;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    private Priority rank;
}
