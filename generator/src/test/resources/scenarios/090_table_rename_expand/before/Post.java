package com.example.app;

import jakarta.persistence.*;
import java.util.HashSet;
import java.util.Set;

@Entity
public class Post {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @ManyToMany
    private Set<Tag> tags = new HashSet<>();

    @ElementCollection
    @Column(length = 40)
    private Set<String> keywords = new HashSet<>();
}
