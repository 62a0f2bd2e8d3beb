package org.acme.wiki;

import jakarta.persistence.*;

import java.time.LocalDate;

@Entity
@IdClass(PageViewKey.class)
public class PageView {
    @Id
    private Long articleId;

    private LocalDate day;

    private long views;
}
