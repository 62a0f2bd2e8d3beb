package com.example.app;

import jakarta.persistence.*;

@Entity
public class Book {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private int pages;

    private int chapters;

    // computed by the code from now on: the column keeps its values and becomes an ordinary one
    private Integer pagesPerChapter;
}
