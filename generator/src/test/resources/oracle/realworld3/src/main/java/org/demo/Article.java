package org.demo;

import jakarta.persistence.*;
import java.math.BigInteger;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.annotations.SoftDelete;

@Entity
@Table(name = "`Article`")
@SoftDelete
public class Article {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Comment("the title as shown")
    private String title;

    @Lob
    private String body;

    private List<String> labels;

    private int[] scores;

    private BigInteger views;

    private Duration readingTime;

    private Year year;

    private Locale locale;

    private Currency currency;

    private ZoneId zone;

    private URL link;

    private LocalTime publishAt;

    private OffsetTime localTime;

    private char grade;

    private Instant publishedAt;

    private long reads;

    @ManyToOne
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Author author;

    @ManyToOne
    @JoinColumns(value = {@JoinColumn(name = "editor_tenant", referencedColumnName = "tenant"),
            @JoinColumn(name = "editor_number", referencedColumnName = "number")},
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
    private Author editor;

    @ManyToMany
    private Set<Tag> topics;

    @OneToMany
    private List<Comment2> comments;

    @ElementCollection
    @MapKeyColumn(name = "lang")
    @Column(name = "translated_title")
    private Map<String, String> translations;

    @OneToMany
    @JoinColumn(name = "article_id")
    @OrderColumn
    private List<Attachment> attachments;
}
