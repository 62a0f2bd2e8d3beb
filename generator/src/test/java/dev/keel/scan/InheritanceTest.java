package dev.keel.scan;

import dev.keel.project.ProjectState;
import dev.keel.state.Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.columns;
import static dev.keel.scan.ScanFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mapped superclasses, the three inheritance strategies, discriminators and embeddables. */
class InheritanceTest {
    @TempDir
    Path dir;

    @Test
    void singleTableHoldsSubclassColumnsNullableWithADiscriminator() {
        ProjectState s = new ScanFixture(dir)
                .entity("Pay", "@Entity public abstract class Pay { @Id @GeneratedValue Long id; }")
                .entity("Card", "@Entity public class Card extends Pay { int month; @Column(nullable = false) String last4; }")
                .scan();
        assertEquals(List.of("month", "id", "dtype", "last4"), columns(s, "pay"));
        assertEquals("varchar(31)", column(s, "pay", "dtype").type());
        assertFalse(column(s, "pay", "month").notNull(), "a subclass primitive is nullable");
        assertTrue(column(s, "pay", "last4").notNull(), "an explicit nullable = false is kept");
        assertTrue(s.table("app", "card").isEmpty());
    }

    @Test
    void joinedSubclassesHaveTheirOwnTableKeyedToTheParent() {
        ProjectState s = new ScanFixture(dir)
                .entity("Ship", "@Entity @Inheritance(strategy = InheritanceType.JOINED) public class Ship { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; }")
                .entity("Boat", "@Entity @PrimaryKeyJoinColumn(name = \"ship_id\") public class Boat extends Ship { String sail; }")
                .scan();
        assertEquals(List.of("ship_id"), table(s, "boat").primaryKey().columns());
        assertEquals("ship", table(s, "boat").foreignKeys().get(0).targetTable());
        assertEquals(dev.keel.state.Identity.NONE, column(s, "boat", "ship_id").identity());
        assertFalse(columns(s, "ship").contains("dtype"));
    }

    @Test
    void tablePerClassCopiesEverythingAndSkipsAbstractRoots() {
        ProjectState s = new ScanFixture(dir)
                .entity("Note", "@Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) public abstract class Note { @Id @GeneratedValue Long id; String text; }")
                .entity("Mail", "@Entity public class Mail extends Note { String subject; }").scan();
        assertTrue(s.table("app", "note").isEmpty());
        assertEquals(List.of("id", "subject", "text"), columns(s, "mail"));
        assertEquals(List.of(new Sequence("note_seq", 1, 50)), List.copyOf(s.sequences()));
    }

    @Test
    void mappedSuperclassesAndEmbeddablesWithOverrides() {
        ProjectState s = new ScanFixture(dir)
                .entity("Base", "@MappedSuperclass public abstract class Base { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; @Version int version; }")
                .entity("Money", "@Embeddable public class Money { @Column(precision = 12, scale = 2) BigDecimal amount; String currency; }")
                .entity("Order", """
                        @Entity @Table(name = "orders") public class Order extends Base {
                          Money total;
                          @Embedded @AttributeOverride(name = "amount", column = @Column(name = "tax_amount"))
                          @AttributeOverride(name = "currency", column = @Column(name = "tax_currency", length = 3)) Money tax; }""")
                .scan();
        assertEquals(List.of("amount", "tax_amount", "tax_currency", "version", "id", "currency"), columns(s, "order"));
        assertEquals("numeric(12,2)", column(s, "order", "amount").type());
        assertEquals("numeric(38,2)", column(s, "order", "tax_amount").type(), "an override replaces the whole column");
        assertEquals("total.amount", column(s, "order", "amount").field());
    }
}
