package dev.keel.scan;

import dev.keel.state.ForeignKey;
import dev.keel.project.ProjectState;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several mappings of one physical table (two entities, an entity and a join table): one table with the
 * columns of all, each defined by the mapping Hibernate binds first, named after the entity it binds first.
 */
class SharedTableTest {
    @TempDir
    Path dir;

    private static final String PRODUCT = """
            @Entity @Table(name = "product") public class Product {
              @Id @GeneratedValue Long id;
              @Column(nullable = false, unique = true, length = 32) String sku;
              @Column(nullable = false, length = 120) String name;
            }""";

    private static ScanFixture summary(ScanFixture f, String className) {
        return f.entity(className, """
                @Entity @org.hibernate.annotations.Immutable @Table(name = "product") public class %s {
                  @Id Long id;
                  @Column(length = 80) String sku;
                  String name;
                  String thumbnailUrl;
                }""".formatted(className));
    }

    @Test
    void twoEntitiesOnOneTableMakeOneTableNamedAfterTheEntityBoundFirst() {
        ProjectState s = summary(new ScanFixture(dir).entity("Product", PRODUCT), "ProductSummary").scan();
        List<Table> products = s.tables().stream().filter(t -> t.name().equals("product")).toList();
        assertEquals(1, products.size());
        assertEquals("product", products.get(0).model(), "Product is bound before ProductSummary");
        assertEquals(List.of("id", "sku", "name", "thumbnail_url"), columns(s, "product"));
        assertEquals("varchar(32)", column(s, "product", "sku").type());
        assertTrue(column(s, "product", "sku").notNull());
        assertTrue(column(s, "product", "name").notNull());
        assertEquals(List.of(List.of("sku")), table(s, "product").uniques().stream().map(u -> u.columns()).toList());
        assertTrue(s.table("app", "productsummary").isEmpty());
    }

    @Test
    void theEntityBoundFirstDefinesTheSharedColumnsButAReadOnlyViewDoesNotNameTheTable() {
        ProjectState s = summary(new ScanFixture(dir).entity("Product", PRODUCT), "CatalogEntry").scan();
        assertEquals("product", s.tables().stream().filter(t -> t.name().equals("product")).findFirst().orElseThrow().model(),
                "CatalogEntry is bound first, but it is @Immutable: adding a view leaves the model as it was");
        assertEquals("varchar(80)", column(s, "product", "sku").type());
        assertFalse(column(s, "product", "sku").notNull());
        assertFalse(column(s, "product", "name").notNull());
        assertEquals(List.of(), table(s, "product").uniques(), "the unique flag belonged to Product's mapping");
    }

    @Test
    void theModelIsTheEntityNamedLikeTheTableElseTheFirstBound() {
        ProjectState named = new ScanFixture(dir.resolve("named"))
                .entity("Product", "@Entity public class Product { @Id Long id; }")
                .entity("AProductView", "@Entity @Table(name = \"product\") public class AProductView { @Id Long id; String name; }")
                .scan();
        assertEquals(List.of("id", "name"), columns(named, "product"));
        ProjectState bound = new ScanFixture(dir.resolve("bound"))
                .entity("Product", "@Entity @Table(name = \"tbl_product\") public class Product { @Id Long id; }")
                .entity("AProductView", "@Entity @Table(name = \"tbl_product\") public class AProductView { @Id Long id; String name; }")
                .scan();
        assertEquals(List.of("id", "name"), columns(bound, "aproductview"));
    }

    @Test
    void thePrimaryKeyIsTheLastBoundEntitysAndItsColumnsAreNotNull() {
        ProjectState s = new ScanFixture(dir)
                .entity("Alpha", "@Entity @Table(name = \"shared\") public class Alpha { @Id @GeneratedValue Long id; String code; }")
                .entity("Zview", "@Entity @Table(name = \"shared\") public class Zview { @Id String code; Long id; }")
                .scan();
        assertEquals(List.of("code"), table(s, "alpha").primaryKey().columns());
        assertTrue(column(s, "alpha", "code").notNull());
        assertTrue(column(s, "alpha", "id").notNull());
    }

    @Test
    void tablesOfOneNameInTwoDatabasesStayApart() throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("src/app"));
        java.nio.file.Files.writeString(dir.resolve("keel.json"), """
                {"sourceRoots": ["src"], "apps": [{"label": "app", "package": "app"}],
                 "databases": {"default": {}, "archive": {}}}""");
        java.nio.file.Files.writeString(dir.resolve("src/app/Event.java"), """
                package app;
                import jakarta.persistence.*;
                @Entity public class Event { @Id Long id; String name; @ElementCollection java.util.Set<String> tags; }""");
        java.nio.file.Files.writeString(dir.resolve("src/app/ArchivedEvent.java"), """
                package app;
                import jakarta.persistence.*;
                @Entity @dev.keel.annotations.Database("archive") @Table(name = "event")
                public class ArchivedEvent { @Id Long id; java.time.Instant archivedAt; }""");
        ProjectState s = EntityScanner.scan(dir, dev.keel.config.KeelConfig.read(dir));
        assertEquals(List.of("id", "name"), columns(s, "event"));
        assertEquals(List.of("archived_at", "id"), columns(s, "archivedevent"));
        assertEquals("archive", table(s, "archivedevent").databaseName());
    }

    private static ScanFixture courses(ScanFixture f, String collection) {
        return f.entity("Student", "@Entity public class Student { @Id @GeneratedValue Long id; }")
                .entity("Course", """
                        @Entity public class Course { @Id @GeneratedValue Long id;
                          @ManyToMany @JoinTable(name = "course_student", joinColumns = @JoinColumn(name = "course_id"),
                              inverseJoinColumns = @JoinColumn(name = "student_id")) %s<Student> students; }""".formatted(collection));
    }

    @Test
    void anEntityOnAJoinTableDefinesItsColumnsAndKey() {
        ProjectState s = courses(new ScanFixture(dir), "Set").entity("Enrollment", """
                @Entity @Table(name = "course_student") public class Enrollment { @Id @GeneratedValue Long id;
                  @ManyToOne @JoinColumn(name = "course_id") Course course;
                  @ManyToOne @JoinColumn(name = "student_id") Student student;
                  Integer grade; }""").scan();
        assertEquals(List.of("grade", "course_id", "id", "student_id"), columns(s, "enrollment"));
        assertEquals(List.of("id"), table(s, "enrollment").primaryKey().columns(), "not the set's (course_id, student_id)");
        assertFalse(column(s, "enrollment", "course_id").notNull(), "the entity's to-one is bound before the join table");
        assertEquals(List.of("course", "student"), table(s, "enrollment").foreignKeys().stream().map(ForeignKey::targetTable).sorted().toList(),
                "the join table's keys and the entity's are the same constraints");
        assertTrue(s.table("app", "course_student").isEmpty());
    }

    @Test
    void aJoinTableMappedAsAnEntityWithAnEmbeddedIdKeepsOneKey() {
        ProjectState s = courses(new ScanFixture(dir), "List")
                .file("app/EnrollmentId.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Embeddable public class EnrollmentId implements java.io.Serializable {
                          @Column(name = "course_id") Long courseId; @Column(name = "student_id") Long studentId; }""")
                .entity("Enrollment", """
                        @Entity @Table(name = "course_student") public class Enrollment { @EmbeddedId EnrollmentId id;
                          @ManyToOne @JoinColumn(name = "course_id", insertable = false, updatable = false) Course course;
                          String role; }""").scan();
        assertEquals(List.of("course_id", "student_id"), table(s, "enrollment").primaryKey().columns());
        assertTrue(column(s, "enrollment", "student_id").notNull());
        assertEquals(2, table(s, "enrollment").foreignKeys().size());
    }

    @Test
    void twoCollectionsOwningTheSameJoinTableMakeOneTable() {
        ProjectState s = new ScanFixture(dir)
                .entity("Student", """
                        @Entity public class Student { @Id @GeneratedValue Long id;
                          @ManyToMany @JoinTable(name = "enrollment", joinColumns = @JoinColumn(name = "student_id"),
                              inverseJoinColumns = @JoinColumn(name = "course_id")) Set<Course> courses; }""")
                .entity("Course", """
                        @Entity public class Course { @Id @GeneratedValue Long id;
                          @ManyToMany @JoinTable(name = "enrollment", joinColumns = @JoinColumn(name = "course_id"),
                              inverseJoinColumns = @JoinColumn(name = "student_id")) List<Student> students; }""")
                .scan();
        assertEquals(List.of("course_id", "student_id"), columns(s, "enrollment"));
        assertEquals(List.of("course_id", "student_id"), table(s, "enrollment").primaryKey().columns());
        assertEquals(2, table(s, "enrollment").foreignKeys().size());
    }
}
