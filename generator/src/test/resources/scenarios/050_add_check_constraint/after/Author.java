package com.example.app;

import jakarta.persistence.*;
import org.hibernate.annotations.Check;

@Check(name = "author_rank_check", constraints = "rank >= 0")
@Entity
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false)
    private int rank;
}
