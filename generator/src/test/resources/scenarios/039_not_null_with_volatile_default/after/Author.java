package com.example.app;

import jakarta.persistence.*;
import org.hibernate.annotations.ColumnDefault;
import java.util.UUID;

@Entity
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @ColumnDefault("gen_random_uuid()")
    @Column(name = "api_token", nullable = false)
    private UUID apiToken;
}
