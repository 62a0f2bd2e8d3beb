package dev.keel.scan;

import dev.keel.project.ProjectState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.columns;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Constants resolved across files and static imports; Lombok classes; Bean Validation on and off. */
class ConstantsAndLombokTest {
    @TempDir
    Path dir;

    @Test
    void constantsAreResolvedAcrossFilesAndStaticImports() {
        ProjectState s = new ScanFixture(dir)
                .file("app/support/Names.java", """
                        package app.support;
                        public final class Names {
                          public static final String PREFIX = "doc_";
                          public static final String TITLE = PREFIX + "title";
                          public static final int SHORT = 4 * 10;
                          public interface Nested { String CODE = "the_code"; }
                        }""")
                .file("app/Doc.java", """
                        package app;
                        import app.support.Names;
                        import jakarta.persistence.*;
                        import static app.support.Names.SHORT;
                        @Entity public class Doc {
                          private static final String LOCAL = "local_" + "name";
                          @Id Long id;
                          @Column(name = Names.TITLE, length = SHORT) String title;
                          @Column(name = Names.Nested.CODE) String code;
                          @Column(name = LOCAL) String local;
                        }""").scan();
        assertEquals("varchar(40)", column(s, "doc", "doc_title").type());
        assertEquals(List.of("id", "doc_title", "local_name", "the_code"), columns(s, "doc"));
    }

    @Test
    void lombokAnnotatedClassesAreReadFromTheirFields() {
        ProjectState s = new ScanFixture(dir).file("app/Pet.java", """
                package app;
                import jakarta.persistence.*;
                import lombok.*;
                @Entity @Getter @Setter @NoArgsConstructor @AllArgsConstructor @Builder
                public class Pet { @Id @GeneratedValue private Long id; @Builder.Default private String name = "x"; }""").scan();
        assertEquals(List.of("id", "name"), columns(s, "pet"));
    }

    private ScanFixture validated(ScanFixture f) {
        return f.file("app/Person.java", """
                package app;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                @Entity public class Person { @Id Long id;
                  @NotBlank @Size(max = 60) String name;
                  @Min(1) @Max(9) Integer rank;
                  @Digits(integer = 5, fraction = 1) java.math.BigDecimal score; }""");
    }

    @Test
    void beanValidationReachesTheSchemaOnlyWhenConfigured() {
        ProjectState off = validated(new ScanFixture(dir.resolve("off"))).scan();
        assertEquals("varchar(255)", column(off, "person", "name").type());
        assertEquals(false, column(off, "person", "name").notNull());
        ProjectState on = validated(new ScanFixture(dir.resolve("on"))).beanValidation().scan();
        assertEquals("varchar(60)", column(on, "person", "name").type());
        assertEquals(true, column(on, "person", "name").notNull());
        assertEquals("numeric(6,1)", column(on, "person", "score").type());
        assertEquals(List.of("(rank>=1) and (rank<=9)"),
                on.requireTable("app", "person").checks().stream().map(c -> c.expression()).toList());
    }
}
