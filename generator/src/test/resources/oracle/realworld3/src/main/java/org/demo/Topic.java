package org.demo;

import jakarta.persistence.*;

@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Topic {
    @Id
    @GeneratedValue
    private Long id;

    private String name;
}
