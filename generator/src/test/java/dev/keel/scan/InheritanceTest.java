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

    /**
     * What a TABLE_PER_CLASS hierarchy shares, as Hibernate 6.6 creates it (found by RandomModelAgreementTest): no foreign
     * key to a table whose rows may be in subclass tables (an abstract root, or an entity with subclasses), a relation to
     * an abstract root mapped to its key; a collection declared above is one table keyed by the declaring entity; a
     * subclass table repeats the columns and foreign keys above but not a natural id's unique key nor an @OnDelete action.
     */
    @Test
    void tablePerClassSharesCollectionsAndReferencesNoUnionTable() {
        ProjectState s = new ScanFixture(dir)
                .entity("Animal", """
                        @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) public abstract class Animal {
                          @Id @GeneratedValue Long id;
                          @org.hibernate.annotations.NaturalId String tag;
                          @org.hibernate.annotations.OnDelete(action = org.hibernate.annotations.OnDeleteAction.CASCADE) @ManyToOne Zoo zoo;
                          @ElementCollection java.util.Set<String> names; }""")
                .entity("Dog", "@Entity public class Dog extends Animal { String breed; }")
                .entity("Cat", "@Entity public class Cat extends Animal { @ManyToMany java.util.Set<Dog> friends; }")
                .entity("Zoo", "@Entity public class Zoo { @Id Long id; @OneToMany java.util.List<Animal> residents; }")
                .scan();
        assertTrue(s.table("app", "animal").isEmpty(), "an abstract root has no table");
        assertEquals(List.of("animal_id bigint not null", "names varchar(255)"), TableText.of(s, "animal_names"),
                "one collection table for the declaring entity, without a foreign key to the abstract root's rows");
        assertTrue(s.table("app", "dog_names").isEmpty() && s.table("app", "cat_names").isEmpty());
        assertEquals(List.of("residents_id bigint not null", "zoo_id bigint not null", "unique [residents_id]",
                "foreign key [zoo_id] -> zoo[id]"), TableText.of(s, "zoo_residents"),
                "a relation to the abstract root: its key, no foreign key");
        List<String> dog = TableText.of(s, "dog");
        assertTrue(dog.contains("foreign key [zoo_id] -> zoo[id]"), dog.toString());
        assertTrue(dog.stream().noneMatch(l -> l.startsWith("unique")), "no natural-id unique key copied: " + dog);
        assertTrue(TableText.of(s, "cat_friends").contains("foreign key [friends_id] -> dog[id]"), "Dog has no subclasses");
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
