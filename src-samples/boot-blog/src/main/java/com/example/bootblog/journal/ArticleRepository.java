package com.example.bootblog.journal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Articles, with Spring Data JPA's derived queries. */
public interface ArticleRepository extends JpaRepository<Article, Long> {
    List<Article> findByStatusOrderByPublishedAtDesc(Article.Status status);
}
