package org.acme.wiki;

import jakarta.persistence.*;

import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "WikiLabel")
public class Label {
    @Id
    @GeneratedValue
    private Long labelId;

    private String text;

    @ManyToMany(mappedBy = "labels")
    private Set<Article> taggedArticles = new HashSet<>();
}
