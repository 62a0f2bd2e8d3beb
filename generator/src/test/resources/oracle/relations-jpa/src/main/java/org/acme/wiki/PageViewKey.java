package org.acme.wiki;

import jakarta.persistence.Id;

import java.io.Serializable;
import java.time.LocalDate;

public class PageViewKey implements Serializable {
    @Id
    private Long articleId;
    @Id
    private LocalDate day;
}
