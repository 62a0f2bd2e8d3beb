package com.example.app;

import jakarta.persistence.*;
import dev.keel.annotations.RenamedFrom;

@Entity
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @RenamedFrom("name")
    @Column(nullable = false, length = 100)
    private String displayName;
}
