package com.example.blog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A blog post by one author, with tags. Table {@code post}; its tags live in the join table
 * {@code post_tags} (owner table + "_" + property, as Spring Boot's naming makes it).
 */
@Entity
@Table(indexes = @Index(name = "idx_post_created_at", columnList = "created_at"))
public class Post {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false)
    private String title;

    /** Added by migration 0002 and filled for existing rows by 0004. */
    @Column(length = 200)
    private String slug;

    private boolean published;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id", nullable = false, foreignKey = @ForeignKey(name = "fk_post_author"))
    private Author author;

    @ManyToMany
    @JoinTable(foreignKey = @ForeignKey(name = "fk_post_tags_post"),
            inverseForeignKey = @ForeignKey(name = "fk_post_tags_tag"))
    private Set<Tag> tags = new HashSet<>();

    protected Post() {
    }

    public Post(Author author, String title, Instant createdAt) {
        this.author = author;
        this.title = title;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public boolean isPublished() {
        return published;
    }

    public void setPublished(boolean published) {
        this.published = published;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Author getAuthor() {
        return author;
    }

    public Set<Tag> getTags() {
        return tags;
    }
}
