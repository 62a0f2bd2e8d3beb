package com.example.app;

import jakarta.persistence.*;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Ticket {
    @Id @GeneratedValue
    private Long id;

    private String subject;
}
