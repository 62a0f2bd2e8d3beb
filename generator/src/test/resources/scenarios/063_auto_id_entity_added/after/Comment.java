package com.example.app;

import jakarta.persistence.*;

@Entity
public class Comment {
    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 2000)
    private String body;
}
