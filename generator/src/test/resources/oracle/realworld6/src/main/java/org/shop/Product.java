package org.shop;

import jakarta.persistence.*;
import java.net.*;
import java.util.*;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "PRODUCT", uniqueConstraints = @UniqueConstraint(name = "uk_price", columnNames = {"amount", "currency"}))
public class Product {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;
    @Column(name = "`Display Name`") private String displayName;
    @Embedded private Money price;
    @Column(columnDefinition = "integer default 0 not null") private Integer stock;
    @ColumnDefault("true") private Boolean listed;
    @ColumnDefault("'draft'") @Column(length = 16) private String state;
    @JdbcTypeCode(SqlTypes.ARRAY) private List<String> keywords;
    @ElementCollection @Enumerated(EnumType.ORDINAL) private Set<Level> levels;
    private InetAddress origin;
    private URL homepage;
    private TimeZone zone;
    @JdbcTypeCode(SqlTypes.CHAR) private UUID ref;
    @JdbcTypeCode(SqlTypes.VARCHAR) private UUID ref2;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true) @JoinColumn(name = "product_id", nullable = false) @OrderColumn(name = "position")
    private List<Variant> variants = new ArrayList<>();
    @ManyToMany(mappedBy = "products") private Set<Category> categories;
    @ElementCollection @MapKeyJoinColumn(name = "category_id") @Column(name = "rank")
    private Map<Category, Integer> ranks;
}
