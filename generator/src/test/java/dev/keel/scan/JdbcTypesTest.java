package dev.keel.scan;

import dev.keel.project.ProjectState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @JdbcTypeCode}, {@code @JdbcType} (alone or over a converter), floating-point precision and {@code @Type}
 * user types, with the column types Hibernate 6.6 writes (measured with the oracle) or a problem naming the fix.
 */
class JdbcTypesTest {
    @TempDir
    Path dir;

    private static final String IMPORTS = """
            package app;
            import jakarta.persistence.*;
            import org.hibernate.annotations.JdbcType;
            import org.hibernate.annotations.JdbcTypeCode;
            import org.hibernate.annotations.Type;
            import org.hibernate.type.SqlTypes;
            import java.util.*;
            import java.time.*;
            """;

    private ScanFixture withConverter() {
        return new ScanFixture(dir).file("app/AttributesConverter.java", IMPORTS + """
                @Converter public class AttributesConverter implements AttributeConverter<Map<String, String>, String> {
                  public String convertToDatabaseColumn(Map<String, String> m) { return String.valueOf(m); }
                  public Map<String, String> convertToEntityAttribute(String s) { return Map.of(); } }""")
                .file("app/Level.java", "package app;\npublic enum Level { LOW, MID, HIGH }");
    }

    @Test
    void jdbcTypeAndCodeDecideTheColumnOverAConverter() {
        ProjectState s = withConverter().file("app/Doc.java", IMPORTS + """
                import org.hibernate.dialect.PostgreSQLJsonPGObjectJsonbType;
                import org.hibernate.dialect.PostgreSQLInetJdbcType;
                import org.hibernate.type.descriptor.jdbc.VarcharJdbcType;
                @Entity public class Doc { @Id Long id;
                  @Convert(converter = AttributesConverter.class) @JdbcType(PostgreSQLJsonPGObjectJsonbType.class) Map<String, String> attributes;
                  @Convert(converter = AttributesConverter.class) @JdbcTypeCode(SqlTypes.JSON) Map<String, String> facets;
                  @Convert(converter = AttributesConverter.class) @JdbcType(VarcharJdbcType.class) @Column(length = 2000) Map<String, String> legacy;
                  @Convert(converter = AttributesConverter.class) Map<String, String> plain;
                  @JdbcType(PostgreSQLJsonPGObjectJsonbType.class) String payload;
                  @JdbcType(PostgreSQLInetJdbcType.class) String editorIp;
                  @JdbcTypeCode(3001) Map<String, Object> numbered;
                  @JdbcTypeCode(java.sql.Types.LONGVARCHAR) String notes; }""").scan();
        assertEquals("jsonb", column(s, "doc", "attributes").type());
        assertEquals("jsonb", column(s, "doc", "facets").type());
        assertEquals("varchar(2000)", column(s, "doc", "legacy").type());
        assertEquals("varchar(255)", column(s, "doc", "plain").type());
        assertEquals("jsonb", column(s, "doc", "payload").type());
        assertEquals("inet", column(s, "doc", "editor_ip").type());
        assertEquals("jsonb", column(s, "doc", "numbered").type());
        assertEquals("varchar(32600)", column(s, "doc", "notes").type());
    }

    @Test
    void aConverterFromAnotherModuleIsNotNeededWhenTheCodeAloneSaysTheType() {
        ProjectState s = new ScanFixture(dir).file("app/Doc.java", IMPORTS + """
                import com.acme.shared.JsonMapConverter;
                @Entity public class Doc { @Id Long id;
                  @Convert(converter = JsonMapConverter.class) @JdbcTypeCode(SqlTypes.JSON) Map<String, Object> data; }""").scan();
        assertEquals("jsonb", column(s, "doc", "data").type());
        List<String> problems = new ScanFixture(dir.resolve("sized")).file("app/Doc.java", IMPORTS + """
                import com.acme.shared.JsonMapConverter;
                @Entity public class Doc { @Id Long id;
                  @Convert(converter = JsonMapConverter.class) @JdbcTypeCode(SqlTypes.VARCHAR) Map<String, Object> data; }""").problems();
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("converter com.acme.shared.JsonMapConverter of field data is neither in the source"
                + " roots nor on the class path"), problems.get(0));
        assertTrue(problems.get(0).contains("keel.json \"libraries\""), problems.get(0));
    }

    @Test
    void anEmbeddableStoredAsJsonIsOneColumn() {
        ProjectState s = new ScanFixture(dir)
                .file("app/Address.java", IMPORTS + "@Embeddable public class Address { String street; int number; }")
                .file("app/Customer.java", IMPORTS + """
                        @Entity public class Customer { @Id Long id;
                          @JdbcTypeCode(SqlTypes.JSON) Address billing;
                          @Embedded @JdbcTypeCode(SqlTypes.JSON) Address shipping;
                          @JdbcTypeCode(SqlTypes.JSON) List<Address> previous; }""").scan();
        assertEquals(List.of("id", "billing", "previous", "shipping"), ScanFixture.columns(s, "customer"));
        assertEquals("jsonb", column(s, "customer", "shipping").type());
        assertTrue(table(s, "customer").checks().isEmpty());
    }

    @Test
    void aJsonEmbeddableChecksItsNotNullAttributes() {
        ProjectState s = new ScanFixture(dir)
                .file("app/Kind.java", "package app;\npublic enum Kind { HOME, WORK }")
                .file("app/Inner.java", IMPORTS + "@Embeddable public class Inner { @Column(nullable = false) String code; }")
                .file("app/Address.java", IMPORTS + """
                        @Embeddable public class Address {
                          @Column(nullable = false, length = 20) String zip; int number;
                          @Basic(optional = false) float lat; @Column(nullable = false) Kind kind; Inner inner; }""")
                .file("app/Customer.java", IMPORTS + """
                        @Entity public class Customer { @Id Long id;
                          @JdbcTypeCode(SqlTypes.JSON) Address billing; }""").scan();
        assertEquals(List.of("billing is null or (cast(billing->>'kind' as smallint) is not null and cast(billing->>'kind' as smallint) "
                        + "between 0 and 1 and cast(billing->>'lat' as float4) is not null and cast(billing->>'zip' as varchar(20)) "
                        + "is not null)"), table(s, "customer").checks().stream().map(c -> c.expression()).toList());
        assertEquals(List.of("customer_billing_check"), table(s, "customer").checks().stream().map(c -> c.name()).toList());
    }

    @Test
    void theJavaTypeGivesLengthPrecisionAndChecks() {
        ProjectState s = withConverter().file("app/Item.java", IMPORTS + """
                @Entity public class Item { @Id Long id;
                  @JdbcTypeCode(SqlTypes.CHAR) UUID ref;
                  @JdbcTypeCode(SqlTypes.VARCHAR) UUID tracking;
                  @JdbcTypeCode(SqlTypes.VARCHAR) Integer label;
                  @JdbcTypeCode(SqlTypes.VARCHAR) @Column(length = 255) Long serial;
                  @JdbcTypeCode(SqlTypes.BINARY) UUID legacyKey;
                  @JdbcTypeCode(SqlTypes.NUMERIC) Long views;
                  @JdbcTypeCode(SqlTypes.DECIMAL) @Column(precision = 10, scale = 3) Double ratio;
                  @JdbcTypeCode(SqlTypes.INTEGER) Boolean featured;
                  @JdbcTypeCode(SqlTypes.SMALLINT) Level level;
                  @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.CHAR) @Column(length = 4) Level grade;
                  @JdbcTypeCode(SqlTypes.INTERVAL_SECOND) Duration reading;
                  @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC) Instant indexed;
                  @JdbcTypeCode(SqlTypes.TIME_WITH_TIMEZONE) OffsetTime opens; }""").scan();
        assertEquals("char(36)", column(s, "item", "ref").type());
        assertEquals("varchar(36)", column(s, "item", "tracking").type());
        assertEquals("varchar(11)", column(s, "item", "label").type());
        assertEquals("varchar(20)", column(s, "item", "serial").type());
        assertEquals("bytea", column(s, "item", "legacy_key").type());
        assertEquals("numeric(19,0)", column(s, "item", "views").type());
        assertEquals("numeric(10,3)", column(s, "item", "ratio").type());
        assertEquals("integer", column(s, "item", "featured").type());
        assertEquals("smallint", column(s, "item", "level").type());
        assertEquals("char(4)", column(s, "item", "grade").type());
        assertEquals("interval second(6)", column(s, "item", "reading").type());
        assertEquals("timestamp(6) with time zone", column(s, "item", "indexed").type());
        assertEquals("time(6) with time zone", column(s, "item", "opens").type());
        assertEquals(List.of("grade in ('LOW','MID','HIGH')", "level between 0 and 2"),
                table(s, "item").checks().stream().map(c -> c.expression()).sorted().toList());
    }

    @Test
    void combinationsKeelCannotKnowAreProblemsWithTheFix() {
        List<String> problems = withConverter().file("app/Odd.java", IMPORTS + """
                import org.hibernate.type.descriptor.jdbc.JsonJdbcType;
                @Entity public class Odd { @Id Long id;
                  @JdbcTypeCode(SqlTypes.ARRAY) String tags;
                  @JdbcTypeCode(SqlTypes.ARRAY) List<String> labels;
                  @JdbcType(JsonJdbcType.class) Map<String, Object> data;
                  @JdbcTypeCode(SqlTypes.VARCHAR) LocalDateTime when;
                  @JdbcTypeCode(SqlTypes.TIMESTAMP) Long epoch;
                  @JdbcTypeCode(99999) String unknown; }""").problems();
        // ARRAY on a collection of a basic type is the SQL array Hibernate writes without it (oracle sample realworld6)
        assertEquals(5, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).matches(".*Odd\\.java:\\d+: the JDBC type code ARRAY of field tags.*To fix: .*columnDefinition.*"),
                problems.get(0));
        assertTrue(problems.get(1).matches(".*JsonJdbcType.*cannot instantiate.*To fix: write @JdbcTypeCode\\(SqlTypes.JSON\\).*"),
                problems.get(1));
        assertTrue(problems.get(2).matches(".*field when stores a java.time.LocalDateTime as SqlTypes.VARCHAR.*columnDefinition.*"),
                problems.get(2));
        assertTrue(problems.get(3).matches(".*field epoch stores a java.lang.Long as SqlTypes.TIMESTAMP.*"), problems.get(3));
        assertTrue(problems.get(4).matches(".*@JdbcTypeCode\\(99999\\) on field unknown.*To fix: .*SqlTypes.*"), problems.get(4));
    }

    @Test
    void postgresEnumTypesAreNamedAfterTheEnumWithTheirValuesAsHibernateOrdersThem() {
        ProjectState s = withConverter().file("app/Size.java", "package app;\npublic enum Size { SMALL, LARGE, MEDIUM }")
                .file("app/Shirt.java", IMPORTS + """
                import org.hibernate.dialect.PostgreSQLEnumJdbcType;
                @Entity public class Shirt { @Id Long id;
                  @Enumerated(EnumType.STRING) @JdbcType(PostgreSQLEnumJdbcType.class) Level level;
                  @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) @Column(nullable = false) Level other;
                  @Enumerated(EnumType.ORDINAL) @JdbcTypeCode(SqlTypes.NAMED_ORDINAL_ENUM) Size size; }""").scan();
        assertEquals("level", column(s, "shirt", "level").type());
        assertEquals("level", column(s, "shirt", "other").type());
        assertEquals("size", column(s, "shirt", "size").type());
        assertTrue(table(s, "shirt").checks().isEmpty(), "no check: the type holds the values");
        assertEquals(List.of("level [HIGH, LOW, MID]", "size [SMALL, LARGE, MEDIUM]"),
                s.enumTypes().stream().map(e -> e.name() + " " + e.values()).toList());
    }

    @Test
    void twoEnumsOfOneSimpleNameOrOneEnumInTwoOrdersAreProblems() {
        List<String> problems = withConverter().file("app/other/Level.java", "package app.other;\npublic enum Level { A, B }")
                .file("app/Odd.java", IMPORTS + """
                @Entity public class Odd { @Id Long id;
                  @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Level level;
                  @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) app.other.Level otherLevel;
                  @JdbcTypeCode(SqlTypes.NAMED_ORDINAL_ENUM) Level ordinalLevel;
                  @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) java.time.DayOfWeek day;
                  @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Point point;
                  public enum Point { NORTH, SOUTH } }""").problems();
        assertEquals(4, problems.size(), String.join("\n", problems));
        assertTrue(String.join("\n", problems).contains("as the PostgreSQL enum type point, the name of a PostgreSQL type"), String.join("\n", problems));
        String all = String.join("\n", problems);
        assertTrue(all.matches("(?s).*Odd\\.java:\\d+: field otherLevel stores enum app.other.Level as the PostgreSQL enum type level.*"
                + "has the same simple name.*To fix: rename one of the enum classes.*"), all);
        assertTrue(all.matches("(?s).*field ordinalLevel stores enum app.Level .*another order.*To fix: store the enum the same way.*"), all);
        assertTrue(all.matches("(?s).*field day stores the JDK enum java.time.DayOfWeek.*"), all);
    }

    @Test
    void floatingPointPrecisionChoosesRealOrDouble() {
        ProjectState s = new ScanFixture(dir).entity("Reading", """
                @Entity public class Reading { @Id Long id;
                  double plain; Float small;
                  @Column(precision = 7) float temperature;
                  @Column(precision = 8) Float pressure;
                  @Column(precision = 15) Double latitude;
                  @Column(precision = 10, scale = 0) double altitude;
                  @Column(scale = 4) Double ignoredScale; }""").scan();
        assertEquals("float(53)", column(s, "reading", "plain").type());
        assertEquals("real", column(s, "reading", "small").type());
        assertEquals("real", column(s, "reading", "temperature").type());
        assertEquals("float(53)", column(s, "reading", "pressure").type());
        assertEquals("float(53)", column(s, "reading", "latitude").type());
        assertEquals("float(53)", column(s, "reading", "altitude").type());
        assertEquals("float(53)", column(s, "reading", "ignored_scale").type());
    }

    @Test
    void floatingPointWithPrecisionAndScaleIsWhatHibernateRefuses() {
        List<String> problems = new ScanFixture(dir).entity("Price", """
                @Entity public class Price {
                  @Id Long id;
                  @Column(precision = 10, scale = 2) Double amount;
                  @Column(precision = 19) double total;
                  @jakarta.validation.constraints.Digits(integer = 8, fraction = 2) Float rate;
                }""").beanValidation().problems();
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).matches(".*Price\\.java:13: field amount is a floating-point number with precision 10 and scale 2"
                + ".*refuses to start.*To fix: remove the scale, or use BigDecimal.*"), problems.get(0));
        assertTrue(problems.get(1).matches(".*Price\\.java:14: field total .*float\\(64\\), which PostgreSQL refuses.*"), problems.get(1));
        assertTrue(problems.get(2).matches(".*Price\\.java:15: field rate .*precision 10 and scale 2.*@Digits.*"), problems.get(2));
    }

    private ScanFixture withUserTypes() {
        String body = """
                  public boolean equals(Object x, Object y) { return java.util.Objects.equals(x, y); }
                  public int hashCode(Object x) { return java.util.Objects.hashCode(x); }
                  public Object nullSafeGet(java.sql.ResultSet rs, int i, org.hibernate.engine.spi.SharedSessionContractImplementor s, Object o) { return null; }
                  public void nullSafeSet(java.sql.PreparedStatement st, Object v, int i, org.hibernate.engine.spi.SharedSessionContractImplementor s) {}
                  public Object deepCopy(Object v) { return v; }
                  public boolean isMutable() { return false; }
                  public java.io.Serializable disassemble(Object v) { return null; }
                  public Object assemble(java.io.Serializable c, Object o) { return c; }
                  public Class<Object> returnedClass() { return Object.class; } }""";
        return new ScanFixture(dir)
                .file("app/JsonMapType.java", IMPORTS + "public class JsonMapType implements org.hibernate.usertype.UserType<Object> {\n"
                        + "  public int getSqlType() { return java.sql.Types.OTHER; }\n" + body)
                .file("app/JsonListType.java", IMPORTS + "public class JsonListType implements org.hibernate.usertype.UserType<Object> {\n"
                        + "  public int getSqlType() { return SqlTypes.JSON; }\n" + body)
                .file("app/CsvType.java", IMPORTS + "public class CsvType implements org.hibernate.usertype.UserType<Object> {\n"
                        + "  public int getSqlType() { return SqlTypes.VARCHAR; }\n" + body);
    }

    @Test
    void userTypesTakeTheColumnDefinitionOrTheirSqlType() {
        ProjectState s = withUserTypes().file("app/Tenant.java", IMPORTS + """
                @Entity public class Tenant { @Id Long id;
                  @Type(JsonMapType.class) @Column(columnDefinition = "jsonb") Map<String, Object> preferences;
                  @Type(JsonListType.class) List<String> locales;
                  @Type(CsvType.class) @Column(length = 500) List<String> domains;
                  @Type(CsvType.class) List<String> keywords;
                  @Type(io.hypersistence.utils.hibernate.type.json.JsonType.class) @Column(columnDefinition = "json") Map<String, Object> imported;
                  String name; }""").scan();
        assertEquals("jsonb", column(s, "tenant", "preferences").type());
        assertEquals("jsonb", column(s, "tenant", "locales").type());
        assertEquals("varchar(500)", column(s, "tenant", "domains").type());
        assertEquals("varchar(255)", column(s, "tenant", "keywords").type());
        assertEquals("json", column(s, "tenant", "imported").type());
        assertEquals(List.of("id", "domains", "keywords", "name", "imported", "locales", "preferences"), ScanFixture.columns(s, "tenant"));
    }

    @Test
    void aUserTypeWithoutAKnowableColumnSaysWhatToAdd() {
        List<String> problems = withUserTypes().file("app/Tenant.java", IMPORTS + """
                import io.hypersistence.utils.hibernate.type.json.JsonType;
                @Entity public class Tenant { @Id Long id;
                  @Type(JsonType.class) Map<String, Object> settings;
                  @Type(JsonMapType.class) Map<String, Object> preferences; }""").problems();
        assertEquals(2, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).matches(".*Tenant\\.java:\\d+: @Type\\(JsonType.class\\) on field settings .*custom Hibernate type "
                + "whose column type keel cannot know.*To fix: say the column type with @Column\\(columnDefinition = \"jsonb\"\\).*"),
                problems.get(0));
        assertTrue(problems.get(1).matches(".*@Type\\(JsonMapType.class\\) on field preferences .*reports SqlTypes.OTHER.*"
                + "To fix: .*columnDefinition.*"), problems.get(1));
    }
}
