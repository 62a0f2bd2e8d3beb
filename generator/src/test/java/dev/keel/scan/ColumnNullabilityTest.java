package dev.keel.scan;

import dev.keel.project.ProjectState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * NOT NULL of basic columns as Hibernate 6.6 decides it (measured with the oracle): only an implicit column of a
 * primitive is NOT NULL by itself; {@code @Basic(optional = false)} forces NOT NULL except in single-table subclasses.
 */
class ColumnNullabilityTest {
    @TempDir
    Path dir;

    private static Map<String, Boolean> notNull(ProjectState s, String model) {
        var result = new TreeMap<String, Boolean>();
        table(s, model).columns().forEach(c -> result.put(c.name(), c.notNull()));
        return result;
    }

    @Test
    void anExplicitColumnOrBasicLeavesAPrimitiveNullable() {
        ProjectState s = new ScanFixture(dir).entity("Stock", """
                @Entity public class Stock { @Id Long id;
                  int plain;
                  @Column int withColumn;
                  @Column(length = 5) int withLength;
                  @Column(nullable = false) int required;
                  @Basic int withBasic;
                  @ColumnDefault("0") int defaulted;
                  @ColumnDefault("0") @Column(name = "defaulted_column") int defaultedColumn;
                  @Column double ratio;
                  @Column char grade;
                  int[] history; }""").scan();
        assertEquals(Map.ofEntries(Map.entry("id", true), Map.entry("plain", true), Map.entry("with_column", false),
                Map.entry("with_length", false), Map.entry("required", true), Map.entry("with_basic", false),
                Map.entry("defaulted", true), Map.entry("defaulted_column", false), Map.entry("ratio", false),
                Map.entry("grade", false), Map.entry("history", false)), notNull(s, "stock"));
    }

    @Test
    void basicOptionalFalseForcesNotNullOverTheColumn() {
        ProjectState s = new ScanFixture(dir).entity("Order", """
                @Entity @Table(name = "orders") public class Order { @Id Long id;
                  @Basic(optional = false) int count;
                  @Basic(optional = false) Integer boxed;
                  @Basic(optional = false) @Column(nullable = true) boolean flagged;
                  @Basic(optional = true) int optionalCount; }""").scan();
        assertEquals(Map.of("id", true, "count", true, "boxed", true, "flagged", true, "optional_count", false),
                notNull(s, "order"));
    }

    @Test
    void versionsAndIdsFollowTheSameRule() {
        ProjectState s = new ScanFixture(dir)
                .entity("Base", """
                        @MappedSuperclass public class Base {
                          @Id @GeneratedValue @Column(name = "id") int id;
                          @Version @Column int rev; }""")
                .entity("Ledger", "@Entity public class Ledger extends Base { @Column boolean closed; }")
                .entity("Counter", "@Entity public class Counter { @Id Long id; @Version long version; }").scan();
        assertEquals(Map.of("id", true, "rev", false, "closed", false), notNull(s, "ledger"));
        assertEquals(Map.of("id", true, "version", true), notNull(s, "counter"));
    }

    @Test
    void primitivesOfEmbeddablesAreNullableUnlessTheySayOtherwise() {
        ProjectState s = new ScanFixture(dir)
                .entity("Size", """
                        @Embeddable public class Size {
                          int width; @Column int height;
                          @Column(nullable = false) int depth; @Basic(optional = false) int count; }""")
                .entity("LineKey", """
                        @Embeddable public class LineKey implements java.io.Serializable {
                          @Column int orderNo; int lineNo; }""")
                .entity("Box", "@Entity public class Box { @Id Long id; @Embedded Size size; }")
                .entity("Line", "@Entity public class Line { @EmbeddedId LineKey key; }").scan();
        assertEquals(Map.of("id", true, "width", false, "height", false, "depth", true, "count", true), notNull(s, "box"));
        assertEquals(Map.of("order_no", true, "line_no", true), notNull(s, "line"));
    }

    @Test
    void singleTableSubclassesKeepOnlyAnExplicitNotNull() {
        ProjectState s = new ScanFixture(dir)
                .entity("Caps", "@Embeddable public class Caps { @Column(nullable = false) int hard; @Basic(optional = false) int soft; }")
                .entity("Account", "@Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE) public class Account { @Id Long id; }")
                .entity("Savings", """
                        @Entity public class Savings extends Account {
                          int months; @Column(nullable = false) int term; @Basic(optional = false) int level;
                          @Embedded Caps caps; }""").scan();
        Map<String, Boolean> expected = new TreeMap<>(Map.of("id", true, "dtype", true, "months", false, "term", true,
                "level", false, "hard", true, "soft", false));
        assertEquals(expected, notNull(s, "account"));
    }

    @Test
    void elementColumnsTakeBasicOptionalOnlyWhenImplicit() {
        ProjectState s = new ScanFixture(dir)
                .entity("Limits", "@Embeddable public class Limits { int low; @Column(nullable = false) int high; }")
                .entity("Account", """
                        @Entity public class Account { @Id Long id;
                          @ElementCollection Set<Integer> scores;
                          @ElementCollection @Basic(optional = false) Set<Integer> ranks;
                          @ElementCollection @Basic(optional = false) @Column(name = "warehouse") Set<Integer> warehouses;
                          @ElementCollection Set<Limits> limits; }""").scan();
        assertEquals(false, column(s, "account_scores", "scores").notNull());
        assertNull(table(s, "account_scores").primaryKey());
        assertEquals(true, column(s, "account_ranks", "ranks").notNull());
        assertEquals(List.of("ranks", "account_id"), table(s, "account_ranks").primaryKey().columns());
        assertEquals(false, column(s, "account_warehouses", "warehouse").notNull());
        assertEquals(Map.of("low", false, "high", true, "account_id", true), notNull(s, "account_limits"));
        assertNull(table(s, "account_limits").primaryKey());
    }

    @Test
    void beanValidationNotNullAppliesOnlyWhenConfigured() {
        String entity = "@Entity public class Flag { @Id Long id; @jakarta.validation.constraints.NotNull @Column boolean shown; }";
        ProjectState off = new ScanFixture(dir.resolve("off")).entity("Flag", entity).scan();
        ProjectState on = new ScanFixture(dir.resolve("on")).entity("Flag", entity).beanValidation().scan();
        assertEquals(false, column(off, "flag", "shown").notNull());
        assertEquals(true, column(on, "flag", "shown").notNull());
    }
}
