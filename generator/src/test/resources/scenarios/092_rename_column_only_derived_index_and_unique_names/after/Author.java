package com.example.app;

import jakarta.persistence.*;

@Entity
@Table(indexes = @Index(columnList = "display_name"))
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "display_name", nullable = false, length = 100)
    private String name;

    @Column(name = "mail", unique = true)
    private String email;
}
