package org.acme.wiki;

import jakarta.persistence.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@Entity
public class Article {
    @Id
    @GeneratedValue
    @Column(name = "articleId")
    private Long id;

    private String title;

    /** Bidirectional: the owner's column is named after Label.taggedArticles. */
    @ManyToMany
    private Set<Label> labels = new HashSet<>();

    /** Bidirectional with a named join table. */
    @ManyToMany
    @JoinTable(name = "ArticleEditors")
    private List<Editor> reviewedBy = new ArrayList<>();

    /** Unidirectional. */
    @ManyToMany
    private Set<Editor> watchers = new HashSet<>();

    /** Self-referencing and bidirectional. */
    @ManyToMany
    private Set<Article> relatedArticles = new HashSet<>();

    @ManyToMany(mappedBy = "relatedArticles")
    private Set<Article> referencedBy = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "ArticleSources",
            joinColumns = @JoinColumn(name = "article", foreignKey = @ForeignKey(name = "FK_ArticleSources_Article")),
            inverseJoinColumns = @JoinColumn(name = "source", foreignKey = @ForeignKey(name = "FK_ArticleSources_Source")),
            indexes = @Index(columnList = "source"))
    private Set<Article> sources = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "ArticleRevisions",
            joinColumns = @JoinColumn(name = "article", foreignKey = @ForeignKey(name = "FK_ArticleRevisions_Article")),
            indexes = @Index(columnList = "revision DESC"),
            uniqueConstraints = @UniqueConstraint(columnNames = {"article", "revision"}))
    @Column(name = "revision")
    private List<Integer> revisions = new ArrayList<>();

    @ManyToOne
    private Article parentArticle;

    @OneToMany
    @JoinColumn(name = "parentArticle_articleId")
    private List<Article> subArticles = new ArrayList<>();
}
