package org.gen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Stored generated columns declared in columnDefinition, as teams write a full-text search column. */
@Entity
public class Article {
    @Id
    private Long id;

    private String title;

    @Column(columnDefinition = "text")
    private String body;

    @Column(columnDefinition = "tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, ''))) STORED",
            insertable = false, updatable = false)
    private String search;

    @Column(name = "title_length", columnDefinition = "integer generated always as (char_length(title)) stored not null",
            insertable = false, updatable = false)
    private Integer titleLength;
}
