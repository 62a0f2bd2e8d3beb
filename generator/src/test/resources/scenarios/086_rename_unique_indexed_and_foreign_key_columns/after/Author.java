package com.example.app;

import jakarta.persistence.*;
import dev.keel.annotations.RenamedFrom;

@Entity
@Table(indexes = @Index(columnList = "mail"))
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @RenamedFrom("email")
    @Column(unique = true)
    private String mail;

    @RenamedFrom("mentor")
    @ManyToOne
    @JoinColumn(name = "coach_id")
    private Author coach;
}
