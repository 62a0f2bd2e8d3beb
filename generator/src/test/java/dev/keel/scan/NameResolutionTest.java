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
 * Names resolved as javac does: constants and member types inherited from superclasses and
 * superinterfaces (transitively), of enclosing classes, through single, static and on-demand imports.
 */
class NameResolutionTest {
    @TempDir
    Path dir;

    private ScanFixture withConstants() {
        return new ScanFixture(dir)
                .file("app/common/Sizes.java", """
                        package app.common;
                        public interface Sizes { int CODE = 12; }""")
                .file("app/common/Limits.java", """
                        package app.common;
                        public interface Limits extends Sizes {
                          int NAME_MAX_SIZE = 3 * CODE;
                          enum Visibility { PUBLIC, PRIVATE, HIDDEN }
                        }""")
                .file("app/common/Base.java", """
                        package app.common;
                        import jakarta.persistence.*;
                        @MappedSuperclass public abstract class Base implements Limits {
                          protected static final int NOTE = 500;
                          public enum Stage { NEW, DONE }
                          @Id @GeneratedValue Long id;
                          @Column(length = NAME_MAX_SIZE) String createdBy;
                        }""");
    }

    @Test
    void constantsOfSuperinterfacesAndSuperclassesAreFound() {
        ProjectState s = withConstants().file("app/Doc.java", """
                package app;
                import app.common.Base;
                import jakarta.persistence.*;
                @Entity public class Doc extends Base {
                  @Column(length = NAME_MAX_SIZE) String title;
                  @Column(length = CODE) String code;
                  @Column(length = NOTE) String note;
                }""").scan();
        assertEquals("varchar(36)", column(s, "doc", "title").type());
        assertEquals("varchar(12)", column(s, "doc", "code").type());
        assertEquals("varchar(500)", column(s, "doc", "note").type());
        assertEquals("varchar(36)", column(s, "doc", "created_by").type(), "read in the superclass's own context");
    }

    @Test
    void enumsNestedInAnImplementedInterfaceOrASuperclassAreMapped() {
        ProjectState s = withConstants()
                .file("app/Doc.java", """
                        package app;
                        import app.common.Base;
                        import jakarta.persistence.*;
                        @Entity public class Doc extends Base {
                          @Enumerated(EnumType.STRING) Visibility visibility;
                          Stage stage;
                        }""")
                .file("app/Tag.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity public class Tag implements app.common.Limits {
                          @Id Long id;
                          @Enumerated(EnumType.STRING) Tag.Visibility visibility;
                          app.Doc.Stage stage;
                        }""").scan();
        assertEquals(List.of("visibility in ('PUBLIC','PRIVATE','HIDDEN')"),
                table(s, "doc").checks().stream().filter(c -> c.expression().startsWith("visibility")).map(c -> c.expression()).toList());
        assertEquals("smallint", column(s, "doc", "stage").type());
        assertEquals("varchar(255)", column(s, "tag", "visibility").type(), "Tag.Visibility: inherited from Limits");
        assertEquals("smallint", column(s, "tag", "stage").type(), "app.Doc.Stage: declared in Doc's superclass");
    }

    @Test
    void staticImportsReachInheritedConstantsAndNestedTypes() {
        ProjectState s = withConstants()
                .file("app/Doc.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity public class Doc extends app.common.Base { }""")
                .file("app/Item.java", """
                        package app;
                        import jakarta.persistence.*;
                        import static app.Doc.NAME_MAX_SIZE;
                        import static app.common.Limits.*;
                        import app.common.Limits.Visibility;
                        @Entity public class Item {
                          @Id Long id;
                          @Column(length = NAME_MAX_SIZE + 1) String name;
                          @Column(length = CODE) String code;
                          @Enumerated(EnumType.STRING) @Column(length = 10) Visibility visibility;
                        }""").scan();
        assertEquals("varchar(37)", column(s, "item", "name").type());
        assertEquals("varchar(12)", column(s, "item", "code").type());
        assertEquals("varchar(10)", column(s, "item", "visibility").type());
    }

    @Test
    void nestedClassesSeeTheConstantsTheirEnclosingClassInherits() {
        ProjectState s = withConstants().file("app/Holder.java", """
                package app;
                import jakarta.persistence.*;
                public class Holder implements app.common.Limits {
                  @Entity public static class Inner { @Id Long id; @Column(length = NAME_MAX_SIZE) String name; }
                }""").scan();
        assertEquals("varchar(36)", column(s, "inner", "name").type());
    }

    @Test
    void lombokUtilityClassFieldsAreConstants() {
        ProjectState s = new ScanFixture(dir)
                .file("app/Limits.java", """
                        package app;
                        import lombok.experimental.UtilityClass;
                        @UtilityClass public class Limits { public final int SHORT = 64; public final int LONG = 16 * SHORT; }""")
                .file("app/Note.java", """
                        package app;
                        import jakarta.persistence.*;
                        import static app.Limits.*;
                        @Entity public class Note { @Id Long id; @Column(length = LONG) String body; @Column(length = Limits.SHORT) String title; }""")
                .scan();
        assertEquals("varchar(1024)", column(s, "note", "body").type());
        assertEquals("varchar(64)", column(s, "note", "title").type());
    }

    @Test
    void lombokFieldNameConstantsAreTheFieldNamesAlsoThroughASubclass() {
        ProjectState s = new ScanFixture(dir)
                .file("app/Owned.java", """
                        package app;
                        import jakarta.persistence.*;
                        import lombok.experimental.FieldNameConstants;
                        @MappedSuperclass @FieldNameConstants public abstract class Owned {
                          @Id Long id; @ManyToOne @JoinColumn(name = "owner_id") Owner owner; }""")
                .file("app/Note.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity public class Note extends Owned { }""")
                .file("app/Owner.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity public class Owner { @Id Long id;
                          @OneToMany(mappedBy = Note.Fields.owner) java.util.List<Note> notes;
                          @ElementCollection @CollectionTable(name = Owned.Fields.owner + "_alias") java.util.Set<String> aliases; }""")
                .scan();
        assertEquals(List.of("id", "owner_id"), ScanFixture.columns(s, "note"));
        assertTrue(s.table("app", "owner_alias").isPresent());
        List<String> problems = new ScanFixture(dir.resolve("missing"))
                .file("app/Owned.java", """
                        package app;
                        import jakarta.persistence.*;
                        @MappedSuperclass @lombok.experimental.FieldNameConstants public abstract class Owned { @Id Long id; }""")
                .file("app/Note.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity public class Note extends Owned { @Column(name = Fields.author) String author; }""")
                .problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Note.java:3: constant author of Lombok's app.Owned.Fields cannot be found"), problems.get(0));
    }

    @Test
    void constantExpressionsWithEveryOperatorJavaAllows() {
        ProjectState s = new ScanFixture(dir).entity("Note", """
                @Entity public class Note {
                  static final boolean WIDE = 3 > 2 && !false;
                  @Id Long id;
                  @Column(length = WIDE ? 100 % 7 * 10 : 1) String a;
                  @Column(length = (1 << 4) | 1) String b;
                  @Column(length = (int) (2.5 * 10)) String c;
                }""").scan();
        assertEquals("varchar(20)", column(s, "note", "a").type());
        assertEquals("varchar(17)", column(s, "note", "b").type());
        assertEquals("varchar(25)", column(s, "note", "c").type());
    }

    @Test
    void aTypeVariableShadowsAClassOfTheSameName() {
        ProjectState s = new ScanFixture(dir)
                .file("app/Code.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Embeddable public class Code { String value; }""")
                .file("app/Keyed.java", """
                        package app;
                        import jakarta.persistence.*;
                        @MappedSuperclass public abstract class Keyed<Code extends java.io.Serializable> { @Id Code id; }""")
                .file("app/Unit.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity public class Unit extends Keyed<String> { }""").scan();
        assertEquals("varchar(255)", column(s, "unit", "id").type());
    }

    @Test
    void aConstantFoundNowhereIsReportedOnceWithItsLine() {
        List<String> problems = new ScanFixture(dir)
                .file("app/Base.java", """
                        package app;
                        import jakarta.persistence.*;
                        @MappedSuperclass public abstract class Base {
                          @Id Long id;
                          @Column(length = MISSING_SIZE) String name;
                        }""")
                .entity("One", "@Entity public class One extends Base { }")
                .entity("Two", "@Entity public class Two extends Base { }").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Base.java:5: constant MISSING_SIZE cannot be found"), problems.get(0));
    }
}
