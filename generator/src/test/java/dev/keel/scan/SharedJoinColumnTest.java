package dev.keel.scan;

import dev.keel.state.ForeignKey;
import dev.keel.project.ProjectState;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code @OneToMany @JoinColumn} whose target maps the same column itself (a {@code @ManyToOne}
 * without {@code mappedBy} on the other side, or a basic field): one column, as the target maps it,
 * and one foreign key.
 */
class SharedJoinColumnTest {
    @TempDir
    Path dir;

    @Test
    void aSelfReferencingTreeHasOneColumnAndOneForeignKey() {
        ProjectState s = new ScanFixture(dir).entity("Category", """
                @Entity @Table(name = "categories") public class Category { @Id @GeneratedValue Long id;
                  @ManyToOne(fetch = FetchType.LAZY) Category parent;
                  @OneToMany @JoinColumn(name = "parent_id") List<Category> children; }""").scan();
        Table t = table(s, "category");
        assertEquals(1, t.columns().stream().filter(c -> c.name().equals("parent_id")).count());
        assertEquals(1, t.foreignKeys().size());
        ForeignKey fk = t.foreignKeys().get(0);
        assertEquals(List.of("parent_id"), fk.columns());
        assertTrue(fk.name().matches("fk[0-9a-z]{20,25}"), fk.name());
    }

    @Test
    void theTargetsColumnWinsWhicheverEntityIsMappedFirst() {
        for (String child : List.of("Question", "Zquestion")) {
            ProjectState s = new ScanFixture(dir.resolve(child))
                    .entity("Survey", "@Entity public class Survey { @Id Long id;"
                            + " @OneToMany @JoinColumn(name = \"survey_id\", nullable = false) List<" + child + "> questions; }")
                    .entity(child, "@Entity public class " + child + " { @Id Long id;"
                            + " @ManyToOne @JoinColumn(name = \"survey_id\", insertable = false, updatable = false) Survey survey; }")
                    .scan();
            String model = child.toLowerCase(java.util.Locale.ROOT);
            assertFalse(column(s, model, "survey_id").notNull(), child + ": the many-to-one's column, nullable");
            assertEquals(1, table(s, model).foreignKeys().size(), child);
        }
    }

    @Test
    void aBasicFieldOverTheColumnKeepsItsDefinition() {
        ProjectState s = new ScanFixture(dir)
                .entity("Shelf", "@Entity public class Shelf { @Id Long id; @OneToMany @JoinColumn(name = \"shelf_id\")"
                        + " @OnDelete(action = OnDeleteAction.CASCADE) List<Copy> copies; }")
                .entity("Copy", "@Entity public class Copy { @Id Long id;"
                        + " @Column(name = \"shelf_id\", insertable = false, updatable = false) Long shelfId; }").scan();
        assertEquals("bigint", column(s, "copy", "shelf_id").type());
        assertEquals("shelfId", column(s, "copy", "shelf_id").field());
        ForeignKey fk = table(s, "copy").foreignKeys().get(0);
        assertEquals("CASCADE", fk.onDelete());
        assertEquals("shelf", fk.targetTable());
    }

    @Test
    void theLaterExplicitNameWinsAndAConstraintWinsOverNone() {
        ProjectState s = new ScanFixture(dir)
                .entity("Invoice", """
                        @Entity public class Invoice { @Id Long id;
                          @OneToMany @JoinColumn(name = "invoice_id", foreignKey = @ForeignKey(name = "fk_item_invoice")) List<Item> items;
                          @OneToMany @JoinColumn(name = "draft_id") List<Item> drafts; }""")
                .entity("Item", """
                        @Entity public class Item { @Id Long id;
                          @ManyToOne @JoinColumn(foreignKey = @ForeignKey(name = "fk_from_many_to_one")) Invoice invoice;
                          @ManyToOne @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)) Invoice draft; }""").scan();
        var names = new java.util.TreeMap<String, String>();
        table(s, "item").foreignKeys().forEach(fk -> names.put(fk.columns().get(0), fk.enforced() ? fk.name() : "-"));
        assertEquals("fk_item_invoice", names.get("invoice_id"), "the collection's key is bound last");
        assertTrue(names.get("draft_id").matches("fk[0-9a-z]{20,25}"), "the collection's constraint: " + names);
        assertEquals(2, names.size());
    }

    @Test
    void aJoinColumnNoOneElseMapsIsAddedAsTheCollectionSays() {
        ProjectState s = new ScanFixture(dir)
                .entity("Line", "@Entity public class Line { @Id Long id; }")
                .entity("Order", "@Entity @Table(name = \"orders\") public class Order { @Id Long id;"
                        + " @OneToMany @JoinColumn(name = \"order_id\", nullable = false) List<Line> lines; }").scan();
        assertTrue(column(s, "line", "order_id").notNull());
        assertEquals("orders", table(s, "line").foreignKeys().get(0).targetTable());
    }
}
