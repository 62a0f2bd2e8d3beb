package com.example.app;

import jakarta.persistence.*;

@Table(indexes = @Index(name = "idx_author_email", columnList = "email"))
@Entity
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(length = 200)
    private String email;
}
