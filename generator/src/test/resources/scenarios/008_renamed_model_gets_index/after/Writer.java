package com.example.app;

import jakarta.persistence.*;
import dev.keel.annotations.RenamedFrom;

@RenamedFrom("Author")
@Table(name = "author", indexes = @Index(name = "idx_author_name", columnList = "name"))
@Entity
public class Writer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;
}
