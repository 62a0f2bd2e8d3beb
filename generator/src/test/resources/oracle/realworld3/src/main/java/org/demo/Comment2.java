package org.demo;

import jakarta.persistence.*;

@Entity
@Table(name = "comment")
public class Comment2 {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(columnDefinition = "varchar(500)")
    private String text;
}
