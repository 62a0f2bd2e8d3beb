package com.example.load;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The table the foreign key of the load test points at. */
@Entity
@Table(name = "owner")
public class Owner {
    @Id
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;
}
