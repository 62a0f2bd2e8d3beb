package org.defs;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Column definitions as real codebases write them: the type with its nullability, default, check or uniqueness. */
@Entity
public class Account {
    @Id
    @GeneratedValue
    private Long id;

    @Column(columnDefinition = "text not null")
    private String name;

    @Column(columnDefinition = "boolean default false")
    private Boolean active;

    @Column(columnDefinition = "varchar(20) default 'NEW' not null")
    private String status;

    @Column(columnDefinition = "TIMESTAMP DEFAULT CURRENT_TIMESTAMP")
    private LocalDateTime createdAt;

    @Column(columnDefinition = "int default 0", nullable = false)
    private int logins;

    @Column(columnDefinition = "text not null", nullable = false)
    private String email;

    @Column(columnDefinition = "numeric(10,2) NULL")
    private BigDecimal credit;

    @Column(columnDefinition = "varchar(10) unique")
    private String code;

    @Column(columnDefinition = "int check (rating between 1 and 5)")
    private Integer rating;

    @Column(columnDefinition = "jsonb not null default '{}'::jsonb")
    private String settings;

    @Column(columnDefinition = "timestamp with time zone default now() not null")
    private OffsetDateTime seenAt;

    @Column(columnDefinition = "numeric (12, 2) DEFAULT 0.00 NOT NULL")
    private BigDecimal balance;
}
