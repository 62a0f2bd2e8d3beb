package com.example.app;

import jakarta.persistence.*;

@Entity
@Table(indexes = @Index(columnList = "email"))
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(unique = true)
    private String email;

    @ManyToOne
    private Author mentor;
}
