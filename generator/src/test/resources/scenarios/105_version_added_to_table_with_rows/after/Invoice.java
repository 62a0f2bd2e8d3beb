package com.example.app;

import jakarta.persistence.*;

@Entity
public class Invoice {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String number;

    // optimistic locking added to a table with rows: a primitive version is NOT NULL
    @Version
    private long version;

}
