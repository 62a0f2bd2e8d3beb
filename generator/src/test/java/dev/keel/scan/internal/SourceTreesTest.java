package dev.keel.scan.internal;

import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.scan.EntityScanner;
import dev.keel.scan.oracle.Samples;
import dev.keel.project.ProjectState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scanner's trees within a budget (issue 15): whatever the budget holds, the scan finds the same
 * schema, hints and problems; a small project parses each file once; the files that map nothing keep no
 * tree; the trees held never exceed the budget.
 */
class SourceTreesTest {
    /** No tree held for the scan, one at a time: every tree asked for again is parsed again. */
    private static final SourceTrees.Budget NOTHING_HELD = new SourceTrees.Budget(0, 1, 0);

    @TempDir
    Path dir;

    private record Result(ProjectState state, DiffHints hints, List<String> problems, SourceIndex index) {}

    private static Result scan(Path project, SourceTrees.Budget budget) {
        KeelConfig config = KeelConfig.read(project);
        Problems problems = new Problems();
        SourceIndex index = SourceIndex.parse(EntityScanner.sourceFiles(project, config), problems, budget);
        try (ClassPath classPath = EntityScanner.classPath(project, config)) {
            SchemaBuilder builder = new SchemaBuilder(new ScanContext(index, classPath, NamingRules.of(config.naming(), config.hibernateVersion()), config, problems));
            ProjectState state = builder.build();
            return new Result(state, builder.hints().hints(), problems.messages(), index);
        }
    }

    @Test
    void everySampleScansTheSameWhenNoTreeIsHeld() {
        for (Path sample : Samples.all()) {
            Result held = scan(sample, SourceTrees.Budget.standard());
            Result parsedAgain = scan(sample, NOTHING_HELD);
            assertTrue(held.problems().isEmpty(), sample + ": " + held.problems());
            assertEquals(0, held.index().reparsed(), sample + ": a small project parses each file once");
            assertTrue(parsedAgain.index().reparsed() > 0, sample + ": trees were parsed again");
            assertEquals(held.state(), parsedAgain.state(), sample.toString());
            assertEquals(held.hints(), parsedAgain.hints(), sample.toString());
        }
    }

    @Test
    void problemsAreTheSameWhenNoTreeIsHeld() throws IOException {
        write("app/Broken.java", "package app; import jakarta.persistence.*; @Entity public class Broken { @Id Long id; String x = ; }");
        write("app/Unknown.java", """
                package app;
                import jakarta.persistence.*;
                @Entity public class Unknown {
                  @Id Long id;
                  @Column(name = Missing.NAME) String a;
                }""");
        write("app/Gen.java", """
                package app;
                import jakarta.persistence.*;
                @Entity public class Gen {
                  @Id @GeneratedValue(generator = "nope") @org.hibernate.annotations.GenericGenerator(name = "nope", type = Object.class) Long id;
                }""");
        write("app/Named.java", """
                package app;
                import jakarta.persistence.*;
                @Entity public class Named {
                  @Id @GeneratedValue(generator = "named_seq")
                  @SequenceGenerator(name = "named_seq", sequenceName = Sizes.SEQUENCE, allocationSize = Sizes.STEP)
                  Long id;
                  @Column(length = Sizes.NAME) String name;
                  @Enumerated(EnumType.STRING) Level level;
                }""");
        write("app/Sizes.java", "package app; final class Sizes { static final int NAME = 80; static final int STEP = 20;"
                + " static final String SEQUENCE = \"named_\" + \"sequence\"; }");
        write("app/Level.java", "package app; enum Level { LOW, HIGH }");
        Result held = scan(dir, SourceTrees.Budget.standard());
        Result parsedAgain = scan(dir, NOTHING_HELD);
        assertEquals(3, held.problems().size(), String.join("\n", held.problems()));
        assertEquals(held.problems(), parsedAgain.problems());
    }

    @Test
    void filesThatMapNothingKeepNoTree() throws IOException {
        write("app/Invoice.java", """
                package app;
                import jakarta.persistence.*;
                @Entity public class Invoice {
                  @Id Long id;
                  @Column(length = Limits.NUMBER) String number;
                }""");
        write("app/Limits.java", "package app; public final class Limits { public static final int NUMBER = 24; }");
        for (int i = 0; i < 40; i++) {
            write("app/service/InvoiceService" + i + ".java", "package app.service; import app.Invoice;\n"
                    + "public class InvoiceService" + i + " { public String describe(Invoice i) { return \"invoice \" + i; } }");
        }
        Result result = scan(dir, SourceTrees.Budget.standard());
        assertEquals("varchar(24)", result.state().tables().iterator().next().findColumn("number").orElseThrow().type());
        assertEquals(0, result.index().reparsed(), "the constant's holder is read once more, on demand, not parsed again");
        assertEquals(2, result.index().heldFiles(), "only Invoice (read first) and Limits (asked for) hold a tree");
    }

    @Test
    void theTreesHeldStayWithinTheBudget() throws IOException {
        for (int i = 0; i < 60; i++) {
            write("app/Entity" + i + ".java", "package app; import jakarta.persistence.*;\n@Entity public class Entity" + i
                    + " { @Id Long id; @Column(length = 40) String name;" + (i > 0 ? " @ManyToOne Entity" + (i - 1) + " parent;" : "")
                    + " }");
        }
        Result all = scan(dir, SourceTrees.Budget.standard());
        assertEquals(60, all.index().heldFiles());
        long tree = all.index().heldBytes() / 60;
        var budget = new SourceTrees.Budget(tree * 10, 5, tree * 3);
        Result small = scan(dir, budget);
        assertTrue(small.index().heldFiles() <= 10 + 5, "held " + small.index().heldFiles());
        assertTrue(small.index().heldBytes() <= tree * 13 + tree / 2, "held " + small.index().heldBytes() + " bytes");
        assertTrue(small.index().reparsed() > 0);
        assertEquals(all.state(), small.state());
    }

    @Test
    void aFileChangedDuringTheScanEndsItWithAProblem() throws IOException {
        write("app/Receipt.java", "package app; import jakarta.persistence.*; @Entity public class Receipt { @Id Long id; }");
        KeelConfig config = KeelConfig.read(dir);
        Problems problems = new Problems();
        SourceIndex index = SourceIndex.parse(EntityScanner.sourceFiles(dir, config), problems, NOTHING_HELD);
        write("app/Receipt.java", "package app; import jakarta.persistence.*; @Entity public class Receipt { @Id Long key; }");
        ScanContext ctx = new ScanContext(index, NamingRules.of(config.naming(), config.hibernateVersion()), config, problems);
        KeelException e = assertThrows(KeelException.class, () -> new SchemaBuilder(ctx).build());
        assertEquals(ErrorKind.UNREADABLE_SOURCE, e.kind());
        assertTrue(e.getMessage().contains("Receipt.java: changed while keel was reading the sources"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    /**
     * Dropping the tokens keeps every node's range and counts every node (what the budget charges), whether the
     * tree is JavaParser's (tokens dropped) or the fast reader's (no tokens: only counted).
     */
    @Test
    void droppingTokensKeepsTheRangesAndCountsEveryNode() throws IOException {
        int fast = 0;
        List<Path> files;
        try (var walk = Files.walk(Path.of(".."))) {
            files = walk.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/")).sorted().toList();
        }
        for (Path file : files) {
            var parsed = SourceTrees.parse(Files.readString(file));
            if (!parsed.isSuccessful()) {
                continue;
            }
            var unit = parsed.getResult().orElseThrow();
            fast += unit.getTokenRange().isEmpty() ? 1 : 0;
            var ranges = new java.util.ArrayList<Object>();
            unit.walk(n -> ranges.add(n.getClass().getSimpleName() + n.getRange()));
            assertEquals(ranges.size(), SourceTrees.dropTokens(unit), file.toString());
            var after = new java.util.ArrayList<Object>();
            unit.walk(n -> {
                after.add(n.getClass().getSimpleName() + n.getRange());
                assertTrue(n.getTokenRange().isEmpty(), file.toString());
            });
            assertEquals(ranges, after, file.toString());
        }
        assertTrue(fast > 20 && fast < files.size(), "read by the fast reader: " + fast + " of " + files.size());
    }

    private void write(String path, String text) throws IOException {
        Path f = dir.resolve("src").resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        Files.writeString(dir.resolve("keel.json"), "{\"sourceRoots\": [\"src\"], \"naming\": \"snake_case\","
                + " \"beanValidation\": false, \"apps\": [{\"label\": \"app\", \"package\": \"app\"}]}");
    }
}
