package com.example.app;

import jakarta.persistence.*;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Escalation {
    @Id @GeneratedValue
    private Long id;

    @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) @Column(nullable = false)
    private Priority raisedTo;

    @Enumerated(EnumType.ORDINAL) @JdbcTypeCode(SqlTypes.NAMED_ORDINAL_ENUM)
    private Stage stage;

    public enum Stage { OPENED, REVIEWED, CLOSED }
}
