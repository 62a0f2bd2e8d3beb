package org.example.newsroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A newsroom article. Its word count came later: migration 0002 added the column, and the data
 * migration 0003 fills it for the articles that were there already, in batches, after the deploy.
 */
@Entity
public class Article {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false, length = 20000)
    private String body;

    private Integer wordCount;

    protected Article() {
    }

    public Article(String title, String body) {
        this.title = title;
        this.body = body;
        this.wordCount = body.isBlank() ? 0 : body.strip().split("\\s+").length;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public Integer getWordCount() {
        return wordCount;
    }
}
