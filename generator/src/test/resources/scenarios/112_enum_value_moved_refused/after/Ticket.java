package com.example.app;

import jakarta.persistence.*;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Ticket {
    @Id @GeneratedValue
    private Long id;

    @Enumerated(EnumType.ORDINAL) @JdbcTypeCode(SqlTypes.NAMED_ORDINAL_ENUM)
    private Stage stage;

    public enum Stage { OPENED, CLOSED, REVIEWED }
}
