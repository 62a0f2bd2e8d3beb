package org.acme.wiki;

import jakarta.persistence.*;

import java.util.HashSet;
import java.util.Set;

@Entity(name = "WikiEditor")
public class Editor {
    @Id
    @GeneratedValue
    private Long id;

    private String displayName;

    @ManyToMany(mappedBy = "reviewedBy")
    private Set<Article> reviewedArticles = new HashSet<>();
}
