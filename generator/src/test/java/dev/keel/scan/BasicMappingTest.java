package dev.keel.scan;

import dev.keel.project.ProjectState;
import dev.keel.state.Column;
import dev.keel.state.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.columns;
import static dev.keel.scan.ScanFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Basic columns: Java types, @Column, nullability, defaults, comments, checks, skipped fields. */
class BasicMappingTest {
    @TempDir
    Path dir;

    private ProjectState scan(String fields) {
        return new ScanFixture(dir).entity("Item", "@Entity public class Item {\n @Id private Long id;\n" + fields + "\n}").scan();
    }

    @Test
    void javaTypesMapAsHibernateDoesOnPostgres() {
        ProjectState s = scan("""
                 String title; BigDecimal price; Instant at; OffsetDateTime odt; LocalDateTime ldt; LocalDate day;
                 UUID uuid; byte[] data; int count; Integer boxed; boolean flag; double ratio; float f; BigInteger big;
                 Duration duration; char letter;""");
        assertEquals("varchar(255)", column(s, "item", "title").type());
        assertEquals("numeric(38,2)", column(s, "item", "price").type());
        assertEquals("timestamp(6) with time zone", column(s, "item", "at").type());
        assertEquals("timestamp(6) with time zone", column(s, "item", "odt").type());
        assertEquals("timestamp(6)", column(s, "item", "ldt").type());
        assertEquals("date", column(s, "item", "day").type());
        assertEquals("uuid", column(s, "item", "uuid").type());
        assertEquals("bytea", column(s, "item", "data").type());
        assertEquals("float(53)", column(s, "item", "ratio").type());
        assertEquals("real", column(s, "item", "f").type());
        assertEquals("numeric(38,0)", column(s, "item", "big").type());
        assertEquals("numeric(21,0)", column(s, "item", "duration").type());
        assertEquals("char(1)", column(s, "item", "letter").type());
        assertTrue(column(s, "item", "count").notNull(), "primitives are NOT NULL");
        assertFalse(column(s, "item", "boxed").notNull(), "wrappers allow null");
        assertTrue(column(s, "item", "flag").notNull());
    }

    @Test
    void columnAnnotationSetsNameLengthPrecisionNullabilityAndDefinition() {
        ProjectState s = scan("""
                 @Column(name = "heading", length = 80, nullable = false) String title;
                 @Column(precision = 10, scale = 3) BigDecimal amount;
                 @Column(precision = 0, scale = 4) BigDecimal unscaled;
                 @Column(columnDefinition = "text") String body;""");
        Column heading = column(s, "item", "heading");
        assertEquals("varchar(80)", heading.type());
        assertTrue(heading.notNull());
        assertEquals("title", heading.field());
        assertEquals("numeric(10,3)", column(s, "item", "amount").type());
        assertEquals("numeric(38,2)", column(s, "item", "unscaled").type(), "without a precision Hibernate ignores the scale");
        assertEquals("text", column(s, "item", "body").type());
    }

    @Test
    void staticTransientAndAnnotatedTransientFieldsAreSkipped() {
        ProjectState s = scan("static String a; transient String b; @Transient String c; String d;");
        assertEquals(List.of("id", "d"), columns(s, "item"));
    }

    @Test
    void columnsAreOrderedAsHibernateOrdersThemAtStartUp() {
        ProjectState s = scan("String zeta; @Column(length = 10) String code; int count; Instant createdAt; UUID ref; byte[] blob;");
        assertEquals(List.of("count", "created_at", "id", "code", "ref", "zeta", "blob"), columns(s, "item"));
    }

    @Test
    void hibernateExtrasBecomeDefaultsCommentsAndChecks() {
        ProjectState s = new ScanFixture(dir).entity("Item", """
                @Entity @Comment("things") @Check(constraints = "low < high")
                public class Item {
                  @Id Long id;
                  @ColumnDefault("0") @Comment("lower bound") int low;
                  @Check(constraints = "high > 0") int high;
                  @Check(name = "named_check", constraints = "mid <> 3") Integer mid;
                }""").scan();
        assertEquals("0", column(s, "item", "low").defaultSql());
        assertEquals("lower bound", column(s, "item", "low").comment());
        assertEquals("things", table(s, "item").comment());
        assertEquals(List.of("item_high_check:high > 0", "named_check:mid <> 3", "item_check:low < high"),
                table(s, "item").checks().stream().map(c -> c.name() + ":" + c.expression()).toList());
    }

    @Test
    void identityIdIsGeneratedByDefault() {
        ProjectState s = new ScanFixture(dir).entity("Item",
                "@Entity public class Item { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; }").scan();
        assertEquals(Identity.BY_DEFAULT, column(s, "item", "id").identity());
        assertEquals("item_pkey", table(s, "item").primaryKey().name());
        assertTrue(s.sequences().isEmpty());
    }

    @Test
    void basicCollectionsAndArraysBecomeArrayColumns() {
        ProjectState s = scan("int[] numbers; List<String> names;");
        assertEquals("integer[]", column(s, "item", "numbers").type());
        assertEquals("varchar(255)[]", column(s, "item", "names").type());
        assertNull(column(s, "item", "names").defaultSql());
    }
}
