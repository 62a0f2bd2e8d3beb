package org.example.library;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Entity
public class Book {
    @Id
    @GeneratedValue
    private Long id;

    @NotNull
    @Size(max = 200)
    private String title;

    @Column(name = "isbn13", length = 13, unique = true)
    private String isbn;

    @NotNull
    @ManyToOne
    private Author author;

    @ManyToMany
    private Set<Author> coAuthors = new HashSet<>();

    @ElementCollection
    @OrderColumn
    private List<String> keywords = new ArrayList<>();

    @Enumerated
    private Genre genre;

    @Lob
    private String summary;

    @Version
    private Integer version;

    @Digits(integer = 6, fraction = 2)
    private BigDecimal price;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> metadata;

    @Temporal(TemporalType.TIMESTAMP)
    private Date catalogued;
}
