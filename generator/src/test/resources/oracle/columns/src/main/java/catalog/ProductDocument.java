package catalog;

import jakarta.persistence.*;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.dialect.PostgreSQLInetJdbcType;
import org.hibernate.dialect.PostgreSQLJsonPGObjectJsonbType;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.VarcharJdbcType;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A product's rich description, as a content team edits it. */
@Entity
@Table(name = "product_documents")
public class ProductDocument {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Convert(converter = AttributesConverter.class)
    @JdbcType(PostgreSQLJsonPGObjectJsonbType.class)
    private Map<String, String> attributes;

    @Convert(converter = AttributesConverter.class)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "search_facets")
    private Map<String, String> searchFacets;

    @Convert(converter = AttributesConverter.class)
    @JdbcType(VarcharJdbcType.class)
    @Column(length = 2000)
    private Map<String, String> legacyAttributes;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> metadata;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> tags;

    @JdbcType(PostgreSQLJsonPGObjectJsonbType.class)
    private String rawPayload;

    @JdbcTypeCode(SqlTypes.CHAR)
    private UUID externalRef;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    private UUID trackingId;

    @JdbcTypeCode(SqlTypes.BINARY)
    private UUID legacyKey;

    @JdbcType(PostgreSQLInetJdbcType.class)
    private String lastEditorIp;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    private String body;

    @JdbcTypeCode(Types.LONGVARCHAR)
    private String editorNotes;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 10)
    private DocumentStatus status;

    @JdbcTypeCode(SqlTypes.SMALLINT)
    private Visibility visibility;

    @Convert(converter = CurrencyCodeConverter.class)
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private CurrencyCode priceCurrency;

    @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
    private Duration readingTime;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    private Instant indexedAt;

    @JdbcTypeCode(SqlTypes.NUMERIC)
    private Long pageViews;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Integer revisionLabel;

    @JdbcTypeCode(SqlTypes.INTEGER)
    private Boolean featured;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "json")
    private Map<String, Object> importedFrom;

    @JdbcTypeCode(SqlTypes.JSON)
    private Dimensions shippingBox;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<PriceBreak> quotedPrices;
}
