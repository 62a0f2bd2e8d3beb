package com.example.app;

import jakarta.persistence.*;
import dev.keel.annotations.RenamedFrom;

@Entity
@Table(indexes = @Index(name = "idx_author_name", columnList = "display_name"))
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @RenamedFrom("name")
    @Column(nullable = false, length = 100)
    private String displayName;

    private String bio;
}
