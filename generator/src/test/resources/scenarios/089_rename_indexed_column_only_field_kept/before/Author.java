package com.example.app;

import jakarta.persistence.*;

@Entity
@Table(indexes = @Index(name = "idx_author_name", columnList = "name"))
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    private String bio;
}
