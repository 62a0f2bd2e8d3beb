package com.example.app;

import jakarta.persistence.*;
import org.hibernate.annotations.Comment;

@Entity
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Comment("Display name, as the author signs")
    @Column(nullable = false, length = 100)
    private String name;
}
