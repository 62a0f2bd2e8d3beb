package dev.keel.scan;

import dev.keel.project.ProjectState;
import dev.keel.state.ForeignKey;
import dev.keel.state.Table;
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

/** Associations, join tables and element collections. */
class RelationsTest {
    @TempDir
    Path dir;

    private ScanFixture authorAndBook(String bookFields) {
        return new ScanFixture(dir)
                .entity("Author", "@Entity public class Author { @Id @GeneratedValue Long id; String name; }")
                .entity("BlogPost", "@Entity public class BlogPost { @Id @GeneratedValue Long id;\n" + bookFields + "\n}");
    }

    @Test
    void manyToOneIsAJoinColumnWithHibernatesHashedForeignKey() {
        ProjectState s = authorAndBook("@ManyToOne(optional = false) Author writer;").scan();
        assertTrue(column(s, "blogpost", "writer_id").notNull());
        assertEquals("bigint", column(s, "blogpost", "writer_id").type());
        ForeignKey fk = table(s, "blogpost").foreignKeys().get(0);
        assertEquals(List.of("writer_id"), fk.columns());
        assertEquals("author", fk.targetTable());
        assertEquals(List.of("id"), fk.targetColumns());
        assertTrue(fk.name().matches("fk[0-9a-z]{20,25}"), fk.name());
    }

    @Test
    void onDeleteGivesTheForeignKeyItsAction() {
        ProjectState s = authorAndBook("@ManyToOne @OnDelete(action = OnDeleteAction.CASCADE) Author writer;\n"
                + "@ManyToOne @OnDelete(action = OnDeleteAction.SET_NULL) Author editor;\n"
                + "@ManyToOne Author reviewer;").scan();
        var actions = new java.util.TreeMap<String, String>();
        table(s, "blogpost").foreignKeys().forEach(fk -> actions.put(fk.columns().get(0), fk.onDelete()));
        assertEquals(java.util.Map.of("writer_id", "CASCADE", "editor_id", "SET NULL", "reviewer_id", "NO ACTION"), actions);
    }

    @Test
    void onDeleteOnAnInverseOneToManyIsReportedNotIgnored() {
        List<String> problems = authorAndBook("@OneToMany(mappedBy = \"x\") @OnDelete(action = OnDeleteAction.CASCADE) List<Author> fans;")
                .problems();
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("@OnDelete on the inverse one-to-many fans") && problems.get(0).contains("@ManyToOne"),
                problems.get(0));
    }

    @Test
    void noConstraintKeepsTheRelationWithoutADatabaseConstraint() {
        ProjectState s = authorAndBook("@ManyToOne @JoinColumn(name = \"by_id\", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)) Author by;").scan();
        ForeignKey fk = table(s, "blogpost").foreignKeys().get(0);
        assertFalse(fk.enforced());
        assertFalse(column(s, "blogpost", "by_id").notNull());
    }

    @Test
    void oneToOneIsUnique() {
        ProjectState s = authorAndBook("@OneToOne @JoinColumn(name = \"lead\") Author lead;").scan();
        assertEquals("blog_post_lead_key", table(s, "blogpost").uniques().get(0).name());
    }

    @Test
    void manyToManyJoinTableIsNamedPerNamingStrategy() {
        ProjectState snake = authorAndBook("@ManyToMany Set<Author> coAuthors;").scan();
        Table joinSnake = table(snake, "blog_post_co_authors");
        assertEquals(List.of("blog_post_id", "co_authors_id"), joinSnake.primaryKey().columns());
        assertNull(joinSnake.entity());
        assertEquals(2, joinSnake.foreignKeys().size());
    }

    @Test
    void jpaNamingUsesBothTablesAndKeepsCase() {
        ProjectState jpa = authorAndBook("@ManyToMany List<Author> coAuthors; @ManyToOne Author mainAuthor;").jpaNaming().scan();
        Table join = table(jpa, "blogpost_author");
        assertEquals(List.of("blogpost_id", "coauthors_id"), join.columns().stream().map(c -> c.name()).sorted().toList());
        assertNull(join.primaryKey(), "a bag (List) join table has no primary key");
        assertTrue(columns(jpa, "blogpost").contains("mainauthor_id"));
        assertEquals("blogpost_seq", jpa.sequences().stream().filter(q -> q.name().startsWith("blog")).findFirst().orElseThrow().name());
    }

    @Test
    void unidirectionalOneToManyWithJoinColumnAddsAColumnToTheTarget() {
        ProjectState s = new ScanFixture(dir)
                .entity("Line", "@Entity public class Line { @Id Long id; }")
                .entity("Invoice", "@Entity public class Invoice { @Id Long id; @OneToMany @JoinColumn(name = \"invoice_id\") List<Line> lines; }")
                .scan();
        assertTrue(columns(s, "line").contains("invoice_id"));
        assertEquals("invoice", table(s, "line").foreignKeys().get(0).targetTable());
    }

    @Test
    void unidirectionalOneToManyWithoutJoinColumnIsAJoinTableWithUniqueTargets() {
        ProjectState s = new ScanFixture(dir)
                .entity("Line", "@Entity public class Line { @Id Long id; }")
                .entity("Invoice", "@Entity public class Invoice { @Id Long id; @OneToMany Set<Line> lines; }").scan();
        Table join = table(s, "invoice_lines");
        assertEquals(List.of("lines_id"), join.uniques().get(0).columns());
        assertEquals("invoice_lines_lines_id_key", join.uniques().get(0).name());
    }

    @Test
    void elementCollectionsGetACollectionTableWithTheRightKey() {
        ProjectState s = new ScanFixture(dir)
                .entity("Address", "@Embeddable public class Address { String city; @Column(nullable = false) String country; }")
                .entity("Person", """
                        @Entity public class Person { @Id Long id;
                          @ElementCollection Set<String> nicknames;
                          @ElementCollection @Column(nullable = false) Set<Integer> lucky;
                          @ElementCollection @OrderColumn List<Address> addresses; }""").scan();
        assertNull(table(s, "person_nicknames").primaryKey(), "nullable elements: no primary key");
        assertEquals(List.of("lucky", "person_id"), table(s, "person_lucky").primaryKey().columns());
        Table addresses = table(s, "person_addresses");
        assertEquals(List.of("addresses_order", "person_id"), addresses.primaryKey().columns());
        assertTrue(addresses.findColumn("country").orElseThrow().notNull());
    }
}
