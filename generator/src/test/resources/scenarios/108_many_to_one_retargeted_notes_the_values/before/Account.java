package com.example.app;

import jakarta.persistence.*;

@Entity
public class Account {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 80)
    private String name;
}
