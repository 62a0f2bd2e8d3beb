package dev.keel.scan;

import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;
import dev.keel.project.ProjectState;
import dev.keel.scan.oracle.SampleLibraries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Entities whose types and constants come from the class path ({@code "libraries"}): the same columns as for the
 * same types in the sources, a problem naming the fix when the class path lacks them, and the cached scan made
 * again when a jar changes.
 */
class LibrariesTest {
    @TempDir
    Path dir;

    private static final String ENTITY = """
            import lib.*;
            import static lib.Limits.CODE;
            @Entity public class Ticket {
                @Id Long id;
                Phase phase;
                @Enumerated(EnumType.STRING) @Column(length = Limits.NAME) Phase named;
                @Column(length = CODE) String code;
                @Column(precision = Limits.Nested.PRECISION, scale = 2) BigDecimal price;
                @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR) Phase text;
            }""";

    private void library(String... phases) {
        SampleLibraries.compileJar(Map.of(
                "lib/Phase.java", "package lib;\npublic enum Phase { " + String.join(", ", phases) + " }",
                "lib/Limits.java", "package lib;\npublic interface Limits { int NAME = 40; int CODE = 7;"
                        + " class Nested { public static final int PRECISION = 12; } }"),
                dir.resolve("lib-src-" + phases.length), dir.resolve("project/lib/common.jar"));
    }

    @Test
    void libraryEnumsAndConstantsMapAsTheSameInTheSourcesWould() {
        library("DRAFT", "OPEN", "CLOSED");
        ProjectState s = new ScanFixture(dir.resolve("project")).libraries("lib/*.jar").entity("Ticket", ENTITY).scan();
        assertEquals("smallint", column(s, "ticket", "phase").type());
        assertEquals("varchar(40)", column(s, "ticket", "named").type());
        assertEquals("varchar(7)", column(s, "ticket", "code").type());
        assertEquals("numeric(12,2)", column(s, "ticket", "price").type());
        assertEquals("varchar(255)", column(s, "ticket", "text").type());
        assertEquals(List.of("named in ('DRAFT','OPEN','CLOSED')", "phase between 0 and 2", "text in ('DRAFT','OPEN','CLOSED')"),
                table(s, "ticket").checks().stream().map(c -> c.expression()).sorted().toList());

        // the same declarations in the sources give the same table
        ProjectState inSources = new ScanFixture(dir.resolve("sources"))
                .file("lib/Phase.java", "package lib;\npublic enum Phase { DRAFT, OPEN, CLOSED }")
                .file("lib/Limits.java", "package lib;\npublic interface Limits { int NAME = 40; int CODE = 7;"
                        + " class Nested { public static final int PRECISION = 12; } }")
                .entity("Ticket", ENTITY).scan();
        assertEquals(table(inSources, "ticket"), table(s, "ticket"));
    }

    @Test
    void aTypeNeitherInTheSourcesNorOnTheClassPathIsAProblemWithTheFix() {
        List<String> problems = new ScanFixture(dir.resolve("project")).entity("Ticket", """
                import lib.Phase;
                @Entity public class Ticket {
                    @Id Long id;
                    Phase phase;
                }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        String p = problems.get(0);
        assertTrue(p.contains("Ticket.java:14: field phase has type lib.Phase, which is neither in the source roots nor on"
                + " the class path (empty: keel.json has no \"libraries\""), p);
        assertTrue(p.contains("To fix: put the jar or class folder that declares lib.Phase on keel's class path: keel.json"
                + " \"libraries\""), p);
    }

    @Test
    void aLibraryConstantOnAnEmptyClassPathNamesTheClassPath() {
        List<String> problems = new ScanFixture(dir.resolve("project")).entity("Ticket", """
                import static lib.Limits.CODE;
                @Entity public class Ticket {
                    @Id Long id;
                    @Column(length = CODE + 1) String code;
                }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Ticket.java:14: \"CODE + 1\" is not a constant keel can read: lib.Limits.CODE is a"
                + " constant of lib.Limits, which is neither in the source roots nor on the class path"), problems.get(0));

        problems = new ScanFixture(dir.resolve("project2")).entity("Ticket", """
                @Entity public class Ticket {
                    @Id Long id;
                    @Column(length = lib.Limits.CODE) String code;
                }""").problems();
        assertTrue(problems.get(0).contains("Ticket.java:13: @Column(length = lib.Limits.CODE) is not a long: lib.Limits.CODE"
                + " is a constant of lib.Limits, which is neither in the source roots nor on the class path"), problems.get(0));
        assertTrue(problems.get(0).contains("To fix: add the jar or class folder that declares it to keel.json \"libraries\""),
                problems.get(0));
    }

    @Test
    void aChangedJarChangesTheCachedAnswer() {
        library("DRAFT", "OPEN", "CLOSED");
        Path project = dir.resolve("project");
        new ScanFixture(project).libraries("lib/common.jar").entity("Ticket", ENTITY).scan();
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config, EntityScanner.class);
        String before = ScanCache.fingerprint(project, config, cache);
        ProjectState first = ScanCache.scanWithHints(project, config, cache).state();
        assertTrue(table(first, "ticket").checks().stream().anyMatch(c -> c.expression().equals("phase between 0 and 2")));
        assertEquals(first, ScanCache.scanWithHints(project, config, cache).state());

        library("DRAFT", "OPEN", "CLOSED", "REOPENED"); // the same jar, one constant more; the sources unchanged
        assertNotEquals(before, ScanCache.fingerprint(project, config, cache));
        ProjectState second = ScanCache.scanWithHints(project, config, cache).state();
        assertTrue(table(second, "ticket").checks().stream().anyMatch(c -> c.expression().equals("phase between 0 and 3")),
                table(second, "ticket").checks().toString());
        assertEquals(EntityScanner.scan(project, config), second);
    }
}
