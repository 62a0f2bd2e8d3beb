package com.example.app;

import jakarta.persistence.*;
import dev.keel.annotations.RenamedFrom;

@RenamedFrom("Author")
@Entity
public class Writer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;
}
