package com.example.app;

import jakarta.persistence.*;

@Entity
public class Author extends Auditable {
    @Column(nullable = false, length = 100)
    private String name;
}
