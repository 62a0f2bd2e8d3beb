package com.example.app;

import dev.keel.annotations.RenamedFrom;
import jakarta.persistence.*;

@Entity
@RenamedFrom("Tag")
public class Label {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false, length = 40)
    private String name;
}
