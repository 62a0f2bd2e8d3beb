package com.example.app;

import jakarta.persistence.*;
import org.hibernate.annotations.GeneratedColumn;

@Entity
public class Book {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private int pages;

    private int chapters;

    @GeneratedColumn("pages / greatest(chapters, 1)")
    private Integer pagesPerChapter;
}
