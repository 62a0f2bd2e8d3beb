package com.example.app;

import jakarta.persistence.*;
import java.util.HashSet;
import java.util.Set;

/** Links to the renamed entity from the other side: its join table's name does not hold the renamed one. */
@Entity
public class Reader {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToMany
    private Set<Article> favourites = new HashSet<>();
}
