package org.demo;

import jakarta.persistence.*;

@Entity
@IdClass(AuthorKey.class)
public class Author {
    @Id
    private String tenant;

    @Id
    private long number;

    private String name;
}
